"""Train the learned automatic-mail model; writes ``data/automatic.npz``.

    python -m privacybot.triage.automatic_train [--cv] [--groups N] [--out PATH]

Trains on every mail set in ``tests/data`` that is no longer blind: our own fixtures
(``mail/index.yaml``) and the sets written by helpers who never saw the rules (``SETS``;
each was measured once before it was added there).  A later blind set is never read by
this script.

``--cv`` holds out one set at a time (``--groups 8``: every eighth set together), trains
on the others and prints, per threshold, how much automatic mail the model (and the
rules with it) recognises in the held-out sets and how many of their people it takes for
automatic.  The shipped threshold is the lowest on the grid at which the model alone
took nobody for automatic in any held-out set, with one clean step below it as margin
(``safe_threshold``).

Needs scikit-learn (the ``test`` extra); the service itself reads the model with numpy.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

import numpy as np
import yaml

from privacybot.domain import ParsedMessage
from privacybot.paths import training_corpus_dir
from privacybot.triage.automatic import check_automatic, learned_guarded, message_signs
from privacybot.triage.automatic_model import Model, beyond_words, model_path, save_model
from privacybot.triage.mime import parse_message

OURS = "privacy@conxillium.nl"
DATA = training_corpus_dir().parent
#: The sets trained on, by name; the order is the order of the --cv table.
SETS: tuple[str, ...] = (
    "own",
    "letters",
    "set1",
    "set2",
    "set3",
    "set4",
    "set5",
    "set6",
    "set7",
    "set8",
    "set9",
    "set10",
    "set11",
    "set12",
    "set13",
    "set14",
    "set15",
    "set16",
    "set17",
    "set18",
    "set19",
    "set20",
    "set21",
    "set22",
    "set23",
    "set24",
    "set25",
    "set26",
    "set27",
    "set28",
    "set29",
    "set30",
    "set31",
    "set32",
    "set33",
    "set34",
    "set35",
    "set36",
    "set37",
    "set38",
    "set39",
    "set40",
    "set41",
    "set42",
    "set43",
    "set44",
    "set45",
    "set46",
    "set47",
    "set48",
    "set49",
    "set50",
    "set51",
    "set52",
    "set53",
    "set54",
    "set55",
    "set56",
    "set57",
    "set58",
    "set59",
    "set60",
    "set61",
    "set62",
    "set63",
    "set64",
    "set65",
    "set66",
    "set67",
    "set68",
    "set69",
    "set70",
    "set71",
    "set72",
    "set73",
    "set74",
    "set75",
    "set76",
    "set77",
    "set78",
    "set79",
    "set80",
    "set81",
    "set82",
    "set83",
    "set84",
    "set85",
    "set86",
    "set87",
    "set88",
    "set89",
    "set90",
    "set91",
    "set92",
    "set93",
    "set94",
    "set95",
    "set96",
    "set97",
    "set98",
    "set99",
    "set100",
    "set101",
    "set102",
    "set103",
    "set104",
    "set105",
    "set106",
    "set107",
    "set108",
    "set109",
    "set110",
    "set111",
    "set112",
    "set113",
    "set114",
    "set115",
    "set116",
    "set117",
    "set118",
    "set119",
    "set120",
    "set121",
    "set122",
    "set123",
    "set124",
    "set125",
    "set126",
    "set127",
    "set128",
    "set129",
    "set130",
    "set131",
    "set132",
    "set133",
    "set134",
    "set135",
    "set136",
    "set137",
    "set138",
    "set139",
    "set140",
    "set141",
    "set142",
    "set143",
    "set144",
    "set145",
    "set146",
    "set147",
    "set148",
    "set149",
    "set150",
    "set151",
    "set152",
    "set153",
    "set154",
    "set155",
    "set156",
    "set157",
    "set158",
    "set159",
    "set160",
    "set161",
    "set162",
    "set163",
    "set164",
    "set165",
    "set166",
    "set167",
    "set168",
    "set169",
    "set170",
    "set171",
    "set172",
    "set173",
    "set174",
    "set175",
    "set176",
    "set177",
    "set178",
    "set179",
    "set180",
    "set181",
    "set182",
    "set183",
    "set184",
    "set185",
    "set186",
    "set187",
    "set188",
    "set189",
    "set190",
    "set191",
    "set192",
    "set193",
    "set194",
    "set195",
    "set196",
    "set197",
    "set198",
    "set199",
    "set200",
    "set201",
    "set202",
    "set203",
    "set204",
    "set205",
    "set206",
    "set207",
    "set208",
    "set209",
    "set210",
    "set211",
    "set212",
    "set213",
    "set214",
    "set215",
    "set216",
    "set217",
    "set218",
    "set219",
    "set220",
    "set221",
    "set222",
    "set223",
    "set224",
    "set225",
    "set226",
    "set227",
    "set228",
    "set229",
    "set230",
    "set231",
    "set232",
    "set233",
    "set234",
    "set235",
    "set236",
    "set237",
    "set238",
    "set239",
    "set240",
    "set241",
    "set242",
    "set243",
    "set244",
    "set245",
    "set246",
    "set247",
    "set248",
    "set249",
    "set250",
    "set251",
    "set252",
    "set253",
    "set254",
    "set256",
    "set257",
    "set258",
    "set259",
    "set255",
    "set260",
    "set261",
    "set262",
    "set263",
    "set264",
    "set265",
    "set266",
    "set267",
    "set268",
    "set269",
    "set270",
    "set271",
    "set272",
    "set273",
    "set274",
    "set275",
    "set276",
    "set277",
    "set278",
    "set279",
    "set280",
    "set281",
    "set282",
    "set283",
    "set284",
    "set285",
    "set286",
    "set287",
    "set288",
    "set289",
    "set290",
    "set291",
    "set292",
    "set293",
    "set294",
    "set295",
    "set296",
    "set297",
    "set298",
    "set299",
    "set300",
    "set301",
    "set302",
    "set303",
    "set304",
    "set305",
    "set306",
    "set307",
    "set308",
    "set309",
    "set310",
    "set311",
    "set312",
    "set313",
    "set314",
    "set315",
    "set316",
    "set317",
    "set318",
    "set319",
    "set320",
    "set321",
    "set322",
    "set323",
    "set324",
    "set325",
    "set326",
    "set327",
    "set328",
    "set329",
    "set330",
    "set331",
    "set332",
    "set333",
    "set334",
    "set335",
    "set336",
    "set337",
    "set338",
    "set339",
    "set340",
    "set341",
    "set342",
    "set343",
    "set344",
    "set345",
    "set346",
    "set347",
    "set348",
    "set349",
    "set350",
    "set351",
    "set352",
    "set353",
    "set354",
    "set355",
    "set356",
    "set357",
    "set358",
    "set359",
    "set360",
    "set361",
    "set362",
    "set363",
    "set364",
    "set365",
    "set366",
    "set367",
    "set368",
    "set369",
    "set370",
    "set371",
    "set372",
    "set373",
    "set374",
    "set375",
    "set376",
    "set377",
    "set378",
    "set379",
    "set380",
    "set381",
    "set382",
    "set383",
    "set384",
    "set385",
    "set386",
    "set387",
    "set388",
    "set389",
    "set390",
    "set391",
    "set392",
    "set393",
    "set394",
    "set395",
    "set396",
    "set397",
    "set398",
    "set399",
    "set400",
    "set401",
    "set402",
    "set403",
    "set404",
    "set405",
    "set406",
    "set407",
    "set408",
    "set409",
    "set410",
    "set411",
    "set412",
    "set413",
    "set414",
    "set415",
    "set416",
    "set417",
    "set418",
    "set419",
    "set420",
    "set421",
    "set422",
    "set423",
    "set424",
    "set425",
    "set426",
    "set427",
    "set428",
    "set429",
    "set430",
    "set431",
    "set432",
    "set433",
    "set434",
    "set435",
    "set436",
    "set437",
    "set438",
    "set439",
    "set440",
    "set441",
    "set442",
    "set443",
    "set444",
    "set445",
    "set446",
    "set447",
    "set448",
    "set449",
    "set450",
    "set451",
    "set452",
    "set453",
    "set454",
    "set455",
    "set456",
    "set457",
    "set458",
    "set459",
    "set460",
    "set461",
    "set462",
    "set463",
    "set464",
    "set465",
    "set466",
    "set467",
    "set468",
    "set469",
    "set470",
    "set471",
    "set472",
    "set473",
    "set474",
    "set475",
    "set476",
    "set477",
    "set478",
    "set479",
)
#: Where each helper-written set lies under ``tests/data/blind``.
BLIND_FOLDERS: dict[str, str] = {
    "set1": "mail",
    "set2": "mail2",
    "set3": "mail3",
    "set4": "mail4",
    "set5": "mail5",
    "set6": "mail6",
    "set7": "mail7",
    "set8": "mail8",
    "set9": "mail9",
    "set10": "mail10",
    "set11": "mail11",
    "set12": "mail12",
    "set13": "mail13",
    "set14": "mail14",
    "set15": "mail15",
    "set16": "mail16",
    "set17": "mail17",
    "set18": "mail18",
    "set19": "mail19",
    "set20": "mail20",
    "set21": "mail21",
    "set22": "mail22",
    "set23": "mail23",
    "set24": "mail24",
    "set25": "mail25",
    "set26": "mail26",
    "set27": "mail27",
    "set28": "mail28",
    "set29": "mail29",
    "set30": "mail30",
    "set31": "mail31",
    "set32": "mail32",
    "set33": "mail33",
    "set34": "mail34",
    "set35": "mail35",
    "set36": "mail36",
    "set37": "mail37",
    "set38": "mail38",
    "set39": "mail39",
    "set40": "mail40",
    "set41": "mail41",
    "set42": "mail42",
    "set43": "mail43",
    "set44": "mail44",
    "set45": "mail45",
    "set46": "mail46",
    "set47": "mail47",
    "set48": "mail48",
    "set49": "mail49",
    "set50": "mail50",
    "set51": "mail51",
    "set52": "mail52",
    "set53": "mail53",
    "set54": "mail54",
    "set55": "mail55",
    "set56": "mail56",
    "set57": "mail57",
    "set58": "mail58",
    "set59": "mail59",
    "set60": "mail60",
    "set61": "mail61",
    "set62": "mail62",
    "set63": "mail63",
    "set64": "mail64",
    "set65": "mail65",
    "set66": "mail66",
    "set67": "mail67",
    "set68": "mail68",
    "set69": "mail69",
    "set70": "mail70",
    "set71": "mail71",
    "set72": "mail72",
    "set73": "mail73",
    "set74": "mail74",
    "set75": "mail75",
    "set76": "mail76",
    "set77": "mail77",
    "set78": "mail78",
    "set79": "mail79",
    "set80": "mail80",
    "set81": "mail81",
    "set82": "mail82",
    "set83": "mail83",
    "set84": "mail84",
    "set85": "mail85",
    "set86": "mail86",
    "set87": "mail87",
    "set88": "mail88",
    "set89": "mail89",
    "set90": "mail90",
    "set91": "mail91",
    "set92": "mail92",
    "set93": "mail93",
    "set94": "mail94",
    "set95": "mail95",
    "set96": "mail96",
    "set97": "mail97",
    "set98": "mail98",
    "set99": "mail99",
    "set100": "mail100",
    "set101": "mail101",
    "set102": "mail102",
    "set103": "mail103",
    "set104": "mail104",
    "set105": "mail105",
    "set106": "mail106",
    "set107": "mail107",
    "set108": "mail108",
    "set109": "mail109",
    "set110": "mail110",
    "set111": "mail111",
    "set112": "mail112",
    "set113": "mail113",
    "set114": "mail114",
    "set115": "mail115",
    "set116": "mail116",
    "set117": "mail117",
    "set118": "mail118",
    "set119": "mail119",
    "set120": "mail120",
    "set121": "mail121",
    "set122": "mail122",
    "set123": "mail123",
    "set124": "mail124",
    "set125": "mail125",
    "set126": "mail126",
    "set127": "mail127",
    "set128": "mail128",
    "set129": "mail129",
    "set130": "mail130",
    "set131": "mail131",
    "set132": "mail132",
    "set133": "mail133",
    "set134": "mail134",
    "set135": "mail135",
    "set136": "mail136",
    "set137": "mail137",
    "set138": "mail138",
    "set139": "mail139",
    "set140": "mail140",
    "set141": "mail141",
    "set142": "mail142",
    "set143": "mail143",
    "set144": "mail144",
    "set145": "mail145",
    "set146": "mail146",
    "set147": "mail147",
    "set148": "mail148",
    "set149": "mail149",
    "set150": "mail150",
    "set151": "mail151",
    "set152": "mail152",
    "set153": "mail153",
    "set154": "mail154",
    "set155": "mail155",
    "set156": "mail156",
    "set157": "mail157",
    "set158": "mail158",
    "set159": "mail159",
    "set160": "mail160",
    "set161": "mail161",
    "set162": "mail162",
    "set163": "mail163",
    "set164": "mail164",
    "set165": "mail165",
    "set166": "mail166",
    "set167": "mail167",
    "set168": "mail168",
    "set169": "mail169",
    "set170": "mail170",
    "set171": "mail171",
    "set172": "mail172",
    "set173": "mail173",
    "set174": "mail174",
    "set175": "mail175",
    "set176": "mail176",
    "set177": "mail177",
    "set178": "mail178",
    "set179": "mail179",
    "set180": "mail180",
    "set181": "mail181",
    "set182": "mail182",
    "set183": "mail183",
    "set184": "mail184",
    "set185": "mail185",
    "set186": "mail186",
    "set187": "mail187",
    "set188": "mail188",
    "set189": "mail189",
    "set190": "mail190",
    "set191": "mail191",
    "set192": "mail192",
    "set193": "mail193",
    "set194": "mail194",
    "set195": "mail195",
    "set196": "mail196",
    "set197": "mail197",
    "set198": "mail198",
    "set199": "mail199",
    "set200": "mail200",
    "set201": "mail201",
    "set202": "mail202",
    "set203": "mail203",
    "set204": "mail204",
    "set205": "mail205",
    "set206": "mail206",
    "set207": "mail207",
    "set208": "mail208",
    "set209": "mail209",
    "set210": "mail210",
    "set211": "mail211",
    "set212": "mail212",
    "set213": "mail213",
    "set214": "mail214",
    "set215": "mail215",
    "set216": "mail216",
    "set217": "mail217",
    "set218": "mail218",
    "set219": "mail219",
    "set220": "mail220",
    "set221": "mail221",
    "set222": "mail222",
    "set223": "mail223",
    "set224": "mail224",
    "set225": "mail225",
    "set226": "mail226",
    "set227": "mail227",
    "set228": "mail228",
    "set229": "mail229",
    "set230": "mail230",
    "set231": "mail231",
    "set232": "mail232",
    "set233": "mail233",
    "set234": "mail234",
    "set235": "mail235",
    "set236": "mail236",
    "set237": "mail237",
    "set238": "mail238",
    "set239": "mail239",
    "set240": "mail240",
    "set241": "mail241",
    "set242": "mail242",
    "set243": "mail243",
    "set244": "mail244",
    "set245": "mail245",
    "set246": "mail246",
    "set247": "mail247",
    "set248": "mail248",
    "set249": "mail249",
    "set250": "mail250",
    "set251": "mail251",
    "set252": "mail252",
    "set253": "mail253",
    "set254": "mail254",
    "set256": "mail256",
    "set257": "mail257",
    "set258": "mail258",
    "set259": "mail259",
    "set255": "mail255",
    "set260": "mail260",
    "set261": "mail261",
    "set262": "mail262",
    "set263": "mail263",
    "set264": "mail264",
    "set265": "mail265",
    "set266": "mail266",
    "set267": "mail267",
    "set268": "mail268",
    "set269": "mail269",
    "set270": "mail270",
    "set271": "mail271",
    "set272": "mail272",
    "set273": "mail273",
    "set274": "mail274",
    "set275": "mail275",
    "set276": "mail276",
    "set277": "mail277",
    "set278": "mail278",
    "set279": "mail279",
    "set280": "mail280",
    "set281": "mail281",
    "set282": "mail282",
    "set283": "mail283",
    "set284": "mail284",
    "set285": "mail285",
    "set286": "mail286",
    "set287": "mail287",
    "set288": "mail288",
    "set289": "mail289",
    "set290": "mail290",
    "set291": "mail291",
    "set292": "mail292",
    "set293": "mail293",
    "set294": "mail294",
    "set295": "mail295",
    "set296": "mail296",
    "set297": "mail297",
    "set298": "mail298",
    "set299": "mail299",
    "set300": "mail300",
    "set301": "mail301",
    "set302": "mail302",
    "set303": "mail303",
    "set304": "mail304",
    "set305": "mail305",
    "set306": "mail306",
    "set307": "mail307",
    "set308": "mail308",
    "set309": "mail309",
    "set310": "mail310",
    "set311": "mail311",
    "set312": "mail312",
    "set313": "mail313",
    "set314": "mail314",
    "set315": "mail315",
    "set316": "mail316",
    "set317": "mail317",
    "set318": "mail318",
    "set319": "mail319",
    "set320": "mail320",
    "set321": "mail321",
    "set322": "mail322",
    "set323": "mail323",
    "set324": "mail324",
    "set325": "mail325",
    "set326": "mail326",
    "set327": "mail327",
    "set328": "mail328",
    "set329": "mail329",
    "set330": "mail330",
    "set331": "mail331",
    "set332": "mail332",
    "set333": "mail333",
    "set334": "mail334",
    "set335": "mail335",
    "set336": "mail336",
    "set337": "mail337",
    "set338": "mail338",
    "set339": "mail339",
    "set340": "mail340",
    "set341": "mail341",
    "set342": "mail342",
    "set343": "mail343",
    "set344": "mail344",
    "set345": "mail345",
    "set346": "mail346",
    "set347": "mail347",
    "set348": "mail348",
    "set349": "mail349",
    "set350": "mail350",
    "set351": "mail351",
    "set352": "mail352",
    "set353": "mail353",
    "set354": "mail354",
    "set355": "mail355",
    "set356": "mail356",
    "set357": "mail357",
    "set358": "mail358",
    "set359": "mail359",
    "set360": "mail360",
    "set361": "mail361",
    "set362": "mail362",
    "set363": "mail363",
    "set364": "mail364",
    "set365": "mail365",
    "set366": "mail366",
    "set367": "mail367",
    "set368": "mail368",
    "set369": "mail369",
    "set370": "mail370",
    "set371": "mail371",
    "set372": "mail372",
    "set373": "mail373",
    "set374": "mail374",
    "set375": "mail375",
    "set376": "mail376",
    "set377": "mail377",
    "set378": "mail378",
    "set379": "mail379",
    "set380": "mail380",
    "set381": "mail381",
    "set382": "mail382",
    "set383": "mail383",
    "set384": "mail384",
    "set385": "mail385",
    "set386": "mail386",
    "set387": "mail387",
    "set388": "mail388",
    "set389": "mail389",
    "set390": "mail390",
    "set391": "mail391",
    "set392": "mail392",
    "set393": "mail393",
    "set394": "mail394",
    "set395": "mail395",
    "set396": "mail396",
    "set397": "mail397",
    "set398": "mail398",
    "set399": "mail399",
    "set400": "mail400",
    "set401": "mail401",
    "set402": "mail402",
    "set403": "mail403",
    "set404": "mail404",
    "set405": "mail405",
    "set406": "mail406",
    "set407": "mail407",
    "set408": "mail408",
    "set409": "mail409",
    "set410": "mail410",
    "set411": "mail411",
    "set412": "mail412",
    "set413": "mail413",
    "set414": "mail414",
    "set415": "mail415",
    "set416": "mail416",
    "set417": "mail417",
    "set418": "mail418",
    "set419": "mail419",
    "set420": "mail420",
    "set421": "mail421",
    "set422": "mail422",
    "set423": "mail423",
    "set424": "mail424",
    "set425": "mail425",
    "set426": "mail426",
    "set427": "mail427",
    "set428": "mail428",
    "set429": "mail429",
    "set430": "mail430",
    "set431": "mail431",
    "set432": "mail432",
    "set433": "mail433",
    "set434": "mail434",
    "set435": "mail435",
    "set436": "mail436",
    "set437": "mail437",
    "set438": "mail438",
    "set439": "mail439",
    "set440": "mail440",
    "set441": "mail441",
    "set442": "mail442",
    "set443": "mail443",
    "set444": "mail444",
    "set445": "mail445",
    "set446": "mail446",
    "set447": "mail447",
    "set448": "mail448",
    "set449": "mail449",
    "set450": "mail450",
    "set451": "mail451",
    "set452": "mail452",
    "set453": "mail453",
    "set454": "mail454",
    "set455": "mail455",
    "set456": "mail456",
    "set457": "mail457",
    "set458": "mail458",
    "set459": "mail459",
    "set460": "mail460",
    "set461": "mail461",
    "set462": "mail462",
    "set463": "mail463",
    "set464": "mail464",
    "set465": "mail465",
    "set466": "mail466",
    "set467": "mail467",
    "set468": "mail468",
    "set469": "mail469",
    "set470": "mail470",
    "set471": "mail471",
    "set472": "mail472",
    "set473": "mail473",
    "set474": "mail474",
    "set475": "mail475",
    "set476": "mail476",
    "set477": "mail477",
    "set478": "mail478",
    "set479": "mail479",
}
#: The classifier's training letters (people's requests and questions, not its "other"):
#: they arrive with few headers, and without them the model took sparse headers for a
#: machine's.  The classifier's *blind* letters stay out, to check that.
LETTERS: tuple[str, ...] = ("corpus/messages.yaml", "corpus/train_d1.yaml", "corpus/train_d2.yaml")
THRESHOLDS: tuple[float, ...] = (0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99)
#: A sign seen in fewer messages than this is left out of the model.
MIN_COUNT = 2
C = 3.0


@dataclass(frozen=True)
class Example:
    signs: tuple[str, ...]
    automatic: bool
    by_rules: bool
    #: The chain never asks the model here (a person's voice, a typed code).
    guarded: bool = False


def _examples(name: str, data: Path) -> list[Example]:
    pairs: list[tuple[Path, bool]] = []
    if name == "letters":
        entries = [entry for f in LETTERS for entry in _letters(data / f)]
        return [_letter(entry, n) for n, entry in enumerate(entries)]
    if name == "own":
        index = yaml.safe_load((data / "mail" / "index.yaml").read_text(encoding="utf-8"))
        pairs = [(data / "mail" / rel, rule is not None) for rel, rule in index.items()]
    else:
        folder = data / "blind" / BLIND_FOLDERS[name]
        pairs = [
            (p, p.relative_to(folder).parts[0] == "auto") for p in sorted(folder.rglob("*.eml"))
        ]
    out: list[Example] = []
    for path, automatic in pairs:
        msg = parse_message(path.read_bytes())
        rules = check_automatic(msg, our_address=OURS)
        by_rules = rules.automatic and rules.rule_id != "learned"
        out.append(Example(tuple(message_signs(msg, OURS)), automatic, by_rules, guarded(msg)))
    return out


def _letters(path: Path) -> list[dict[str, object]]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [e for e in entries if "other" not in (e.get("labels") or ["other"])]


#: Invented people the letters are sent as (the letters themselves carry no sender).
_PEOPLE: tuple[tuple[str, str], ...] = (
    ("Anouk Jansen", "anouk.jansen@kpnmail.nl"),
    ("Bram de Boer", "bram1987@ziggo.nl"),
    ("C. Visser", "cvisser@planet.nl"),
    ("Daan Smit", "daan.smit@gmail.com"),
    ("Esra Yilmaz", "e.yilmaz@hotmail.com"),
    ("Frank Meijer", "frank@meijer-advies.nl"),
    ("Grace Obi", "grace.obi@outlook.com"),
    ("Henk", "henk.mulder@xs4all.nl"),
    ("Ilse de Groot", "ilsedegroot@icloud.com"),
    ("Jan Bakker", "j.bakker@telfort.nl"),
    ("Karin van Dijk", "karin.vandijk@live.nl"),
    ("Lucas Martin", "lucas.martin@yahoo.com"),
)


def letter_message(
    subject: str, text: str, n: int = 0, sender: tuple[str, str] | None = None
) -> bytes:
    """A letter as a plain first mail from one of a dozen invented people (or ``sender``)."""
    name, address = sender or _PEOPLE[n % len(_PEOPLE)]
    message = EmailMessage()
    message["From"] = f"{name} <{address}>"
    message["To"] = OURS
    message["Subject"] = subject
    message.set_content(text)
    return message.as_bytes(policy=SMTP)


def _letter(entry: dict[str, object], n: int) -> Example:
    subject, text = str(entry.get("subject") or ""), str(entry["text"])
    msg = parse_message(letter_message(subject, text, n))
    rules = check_automatic(msg, our_address=OURS)
    return Example(tuple(message_signs(msg, OURS)), False, rules.automatic, guarded(msg))


def guarded(msg: ParsedMessage) -> bool:
    return learned_guarded(msg, OURS)


def fit(examples: list[Example], threshold: float) -> Model:
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    counts: dict[str, int] = {}
    for ex in examples:
        for sign in ex.signs:
            counts[sign] = counts.get(sign, 0) + 1
    names = sorted(n for n, c in counts.items() if c >= MIN_COUNT)
    column = {n: i for i, n in enumerate(names)}
    rows, cols = [], []
    for r, ex in enumerate(examples):
        for sign in ex.signs:
            if sign in column:
                rows.append(r)
                cols.append(column[sign])
    matrix = csr_matrix(
        (np.ones(len(rows)), (rows, cols)), shape=(len(examples), len(names)), dtype=np.float64
    )
    labels = np.array([ex.automatic for ex in examples])
    clf = LogisticRegression(C=C, max_iter=5000, class_weight="balanced")
    clf.fit(matrix, labels)
    weights = {n: float(w) for n, w in zip(names, clf.coef_[0], strict=True) if abs(w) > 1e-4}
    meta: dict[str, object] = {
        "examples": len(examples),
        "automatic": int(labels.sum()),
        "signs": len(weights),
        "C": C,
    }
    return Model(weights, float(clf.intercept_[0]), threshold, meta)


def helper_sets() -> list[str]:
    """The helper-written sets: every set but our own fixtures and the classifier's letters."""
    return [name for name in SETS if name not in ("own", "letters")]


def _check_groups(groups: int, sets: int) -> None:
    if not 0 <= groups <= sets:
        raise ValueError(f"--groups must be 0 (one set at a time) to {sets}, got {groups}")


def cross_validate(by_set: dict[str, list[Example]], groups: int = 0) -> float:
    """Print the held-out table; return the shipped threshold (``safe_threshold``).

    ``groups`` > 0 holds out every ``groups``-th helper set together (sets 1, 9, 17 … then
    2, 10, 18 …): with two hundred sets, one fit per set takes an hour, eight take
    minutes, and each fit still meets sets it has never seen."""
    clean = set(THRESHOLDS)
    blind = helper_sets()
    _check_groups(groups, len(blind))
    folds = [blind[i::groups] for i in range(groups)] if groups > 0 else [[n] for n in blind]
    for held in folds:
        train = [ex for name in SETS if name not in held for ex in by_set[name]]
        model = fit(train, 1.0)
        test = [ex for name in held for ex in by_set[name]]
        auto = [ex for ex in test if ex.automatic]
        people = [ex for ex in test if not ex.automatic]
        if not auto:
            print(f"held out {held[0]} …: no automatic messages, skipped")
            continue
        rules = sum(ex.by_rules for ex in auto) / len(auto)
        label = held[0] if len(held) == 1 else f"{held[0]}, {held[1]} … ({len(held)} sets)"
        print(f"held out {label}: {len(auto)} automatic, {len(people)} people; rules {rules:.3f}")
        scores = [model.score(ex.signs) for ex in test]
        for t in THRESHOLDS:
            hits = {
                id(ex)
                for ex, (p, top) in zip(test, scores, strict=True)
                if p >= t and not ex.guarded and beyond_words(top, ex.signs)
            }

            def hit(ex: Example, hits: set[int] = hits) -> bool:
                return id(ex) in hits

            alone = sum(hit(ex) for ex in auto) / len(auto)
            both = sum(hit(ex) or ex.by_rules for ex in auto) / len(auto)
            # A person a rule already took (R16's list headers) never reaches the model.
            taken = sum(hit(ex) for ex in people if not ex.by_rules)
            if taken:
                clean.discard(t)
            print(
                f"  t={t:<5} model {alone:.3f}  rules+model {both:.3f}  "
                f"people taken by the model {taken}/{len(people)}"
            )
    chosen = safe_threshold(clean)
    print(f"threshold: {chosen}")
    return chosen


def safe_threshold(clean: set[float]) -> float:
    """The lowest threshold on the grid that took nobody in any held-out set *and* whose
    step below did not either: a fresh set has found people just above a threshold that
    every held-out set passed (set 8 at its first reading), so one clean step is margin."""
    grid = sorted(THRESHOLDS)
    for below, t in zip(grid, grid[1:], strict=False):
        if t in clean and below in clean:
            return t
    return max(grid)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--cv", action="store_true", help="print the held-out table first")
    parser.add_argument(
        "--groups", type=int, default=0, help="hold out sets in this many groups (0: one by one)"
    )
    parser.add_argument("--threshold", type=float, default=None)
    parser.add_argument("--out", type=Path, default=model_path())
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args(argv)
    # Refused before any data is read: extraction takes minutes.
    try:
        _check_groups(args.groups, len(helper_sets()))
    except ValueError as err:
        parser.error(str(err))
    by_set = {name: _examples(name, args.data) for name in SETS}
    threshold = args.threshold
    if args.cv or threshold is None:
        threshold = cross_validate(by_set, args.groups)
    model = fit([ex for name in SETS for ex in by_set[name]], threshold)
    save_model(model, args.out)
    print(f"wrote {args.out}: {model.meta}, threshold {threshold}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

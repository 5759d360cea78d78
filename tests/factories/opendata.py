"""Sample import files for the import/export and open-data tests."""

HEADER = (
    "external_id,language,title,lab,summary,problem,key_figures,policy_areas,territory_types,"
    "instruments,methods,lifecycle_stage,start_year,end_year,territory_name,country,population,"
    "latitude,longitude,licence,last_verified,contact_email"
)
GOOD_ROWS = [
    'MUL-01,fr,Carte culture jeunes,lab-test,"Une carte culture pour les 15-25 ans.","Peu de jeunes à la médiathèque.",'
    '"8 000: cartes délivrées | 35 %: de fréquentation en plus",culture-bibliotheques; Éducation et jeunesse,Urbain,'
    'Subvention,Design de services,Evaluated,2019,2022,Mulhouse,FR,108 000,"47,7508",7.3359,CC-BY-4.0,2024-05-01,'
    "culture@mulhouse.example",
    'DK-02,fr,Rénovation accompagnée,,"Un accompagnement pour rénover les logements.",,,renovation-energetique,'
    "metropolitain | littoral,appel-a-projets,,experimentation,2020,,Dunkerque,France,,,,etalab-2.0,,",
]


def csv_bytes(*rows, header=HEADER, encoding="utf-8") -> bytes:
    return "\n".join([header, *rows]).encode(encoding) + b"\n"

"""Query sanitising and parameter parsing (no database needed except for taxonomy-free parts)."""

from django.http import QueryDict
from django.utils import translation

from search.backends.terms import MAX_TERMS, fold, fts5_expression, light_stem, search_terms, tsquery_expression
from search.services.highlight import highlight
from search.services.params import MAX_VALUES, parse


def test_terms_are_folded_deduplicated_and_stripped_of_syntax():
    assert search_terms('Santé "rurale" AND (médiathèque*) title:x') == ["sante", "rurale", "mediatheque", "title", "x"]
    assert search_terms("l'école d’Aurillac") == ["ecole", "aurillac"]
    assert search_terms("la santé des habitants") == ["sante", "habitants"]
    assert search_terms("de la") == ["de", "la"]  # only stopwords: kept rather than nothing
    assert search_terms("\x00 *:* ((( 🙂") == []
    assert len(search_terms(" ".join(f"mot{n}" for n in range(300)))) == MAX_TERMS


def test_fold_removes_accents_and_case():
    assert fold("ÉCOLE Hôpital Ægir") == "ecole hopital ægir"


def test_light_stemming_makes_plurals_match():
    assert light_stem("mediatheques") == "mediatheque"
    assert light_stem("hopitaux") == "hopita"
    assert light_stem("policies") == "polic"
    assert light_stem("family") == "famil"
    assert light_stem("bus") == "bus"  # too short to strip


def test_fts5_expression_quotes_every_term():
    assert fts5_expression(["sante", "mediatheques"]) == '"sante"* AND "mediatheque"*'
    assert fts5_expression(["renovation", "ene"], prefix_last=True, stem=False) == '"renovation" AND "ene"*'
    assert fts5_expression(["a", "b"], operator="or") == '"a" OR "b"'


def test_tsquery_expression_quotes_every_term():
    assert tsquery_expression(["sante", "rurale"]) == "'sante' & 'rurale'"
    assert tsquery_expression(["reno"], prefix_last=True) == "'reno':*"


def test_highlight_escapes_and_marks_accent_insensitively():
    assert str(highlight("<b>Médiathèques</b> et santé", ["mediatheques", "sante"])) == (
        "&lt;b&gt;<mark>Médiathèques</mark>&lt;/b&gt; et <mark>santé</mark>"
    )
    assert str(highlight("Rien", [])) == "Rien"


@translation.override("en")
def test_parse_keeps_valid_values_and_reports_the_rest():
    params = parse(
        QueryDict(
            "q=sant%C3%A9&q=ignored&policy_area=logement&policy_area=bad%20slug&country=fr&country=ZZ"
            "&lab=12&lab=abc&stage=idea&stage=nope&year_from=2020&year_to=2010&sort=bogus&page=3"
        )
    )
    assert params.q == "santé"
    assert params.terms == ("sante",)
    assert params.selected("policy_area") == ("logement",)
    assert params.selected("country") == ("FR",)
    assert params.selected("lab") == (12,)
    assert params.selected("stage") == ("idea",)
    assert (params.year_from, params.year_to) == (2010, 2020)
    assert params.sort == ""
    assert params.page == 3
    assert len(params.ignored) == 5  # policy area, country, lab, stage, sort (the years are swapped)
    assert "Unknown value for “Policy area” ignored." in params.ignored


def test_parse_pages_and_caps():
    assert parse(QueryDict("page=0")).page == 1
    assert parse(QueryDict("page=-1")).page == 1
    assert parse(QueryDict("page=abc")).page == 1
    assert parse(QueryDict(f"page={10**20}")).page == 10_000
    many = "&".join(f"instrument=i{n}" for n in range(100))
    assert len(parse(QueryDict(many)).selected("instrument")) == MAX_VALUES


def test_canonical_query_string_is_stable_and_shareable():
    params = parse(QueryDict("sort=title&country=FR&q=sant%C3%A9&policy_area=b&policy_area=a&page=2"))
    assert (
        params.querydict(drop_page=False).urlencode()
        == "q=sant%C3%A9&policy_area=b&policy_area=a&country=FR&sort=title&page=2"
    )
    assert params.toggled("policy_area", "a").urlencode() == "q=sant%C3%A9&policy_area=b&country=FR&sort=title"
    assert params.toggled("policy_area", "c").getlist("policy_area") == ["b", "a", "c"]

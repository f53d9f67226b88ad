"""The keyword prefilters of the cleaner's slow regexes: every string a regex matches holds one of its keys.

A line that holds none of a regex's `*_KEYS` is never searched, so a key missing
from the tuple would silently switch a rule off. Hypothesis draws strings from
each regex itself.
"""

import ftfy.badness
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline import clean

# (regex, keys, whether the keys are tested on the lowered line)
KEYED = [
    (clean.CREDIT_END, clean.CREDIT_END_KEYS, False),
    (clean.CREDIT_TAIL, clean.CREDIT_TAIL_KEYS, True),
    (clean.COPYRIGHT, clean.COPYRIGHT_KEYS, True),
    (clean.COOKIE, clean.COOKIE_KEYS, True),
    (clean.NEWSLETTER, clean.NEWSLETTER_KEYS, True),
    (clean.PAYWALL, clean.PAYWALL_KEYS, True),
    (clean.COMMENT_PROMPT, clean.COMMENT_PROMPT_KEYS, True),
    (clean.SNIPPET_END, clean.SNIPPET_END_KEYS, False),
    (clean.REPUBLISH, clean.REPUBLISH_KEYS, True),
    (clean.PUBLISHED, clean.PUBLISHED_KEYS, True),
    (clean.PROMPT, clean.PROMPT_KEYS, True),
    (clean.CONTRIBUTION, clean.CONTRIBUTION_KEYS, True),
    (clean.COMMENT_HEAD, clean.COMMENT_HEAD_KEYS, True),
    (clean.INLINE_TEASER, clean.INLINE_TEASER_KEYS, False),
    (clean.OUTLET_PLACE, clean.OUTLET_PLACE_KEYS, False),
    (clean.FIGURE_ROW, clean.FIGURE_ROW_KEYS, False),
]


@pytest.mark.parametrize("pattern, keys, lowered", KEYED, ids=[k[0].pattern[:30] for k in KEYED])
def test_every_match_of_a_keyed_regex_holds_a_key(pattern, keys, lowered):
    @settings(max_examples=300, suppress_health_check=list(HealthCheck), deadline=None, database=None)
    @given(st.from_regex(pattern))
    def check(text):
        if pattern.search(text):
            probe = clean._lowered(text) if lowered else text
            assert clean._mentions(probe, keys), text

    check()


@pytest.mark.parametrize("pattern, keys, lowered", [k for k in KEYED if k[2]], ids=lambda k: str(k)[:30])
def test_letters_that_ignorecase_reads_as_ascii_still_find_the_key(pattern, keys, lowered):
    # "ı", "İ" and "ſ" match "i" and "s" under re.IGNORECASE; the lowered line must agree
    exotic = {"i": "ıİI", "s": "ſS"}
    for key in keys:
        for i, ch in enumerate(key):
            for other in exotic.get(ch, ch.upper()):
                text = key[:i] + other + key[i + 1 :]
                assert clean._mentions(clean._lowered(text), (key,)), (key, text)


def test_the_badness_test_is_keyed_on_characters_french_text_rarely_holds():
    keys, width = clean._badness_keys()
    assert 2 <= width <= 16  # a window around each key, not the whole text
    assert not keys.search("Le président a visité l’école où étudiaient ses enfants, à Thiès, l'été dernier : ça forçait")


@settings(max_examples=1000, suppress_health_check=list(HealthCheck), deadline=None, database=None)
@given(st.from_regex(ftfy.badness.BADNESS_RE), st.text(max_size=30), st.text(max_size=30))
def test_every_match_of_the_badness_test_holds_a_key_within_reach(text, before, after):
    keys, width = clean._badness_keys()
    for m in ftfy.badness.BADNESS_RE.finditer(text):
        assert len(m.group()) <= width
        assert keys.search(m.group()), m.group()
    padded = before + text + after
    assert clean._is_bad(padded) == ftfy.badness.is_bad(padded)


@pytest.mark.parametrize(
    "text",
    ["", "Ã ", "caf\u00c3\u00a9 au lait", "a Ã b", "Ã©", "â€™", "l’État « investit »", "ÉCOLE€", "x" * 50 + "Ã ", "Ã"],
)
def test_the_badness_test_read_around_its_keys_agrees_with_ftfy(text):
    assert clean._is_bad(text) == ftfy.badness.is_bad(text)


def test_a_date_needs_a_year_of_this_or_the_last_century():
    assert clean.find_dates("le 3 mars") == []
    assert [d.iso for d in clean.find_dates("le 3 mars 2024")] == ["2024-03-03"]

"""The keyword prefilters of the cleaner's slow regexes: every string a regex matches holds one of its keys.

A line that holds none of a regex's `*_KEYS` is never searched, so a key missing
from the tuple would silently switch a rule off. Hypothesis draws strings from
each regex itself.
"""

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


def test_a_date_needs_a_year_of_this_or_the_last_century():
    assert clean.find_dates("le 3 mars") == []
    assert [d.iso for d in clean.find_dates("le 3 mars 2024")] == ["2024-03-03"]

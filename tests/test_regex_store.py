"""The store of very large compiled regular expressions gives the patterns `re` gives."""

import re

import pytest

from pipeline import regex_store
from pipeline.regex_store import MIN_CHARS, RegexStore

WORDS = [f"mot{i}-composé" for i in range(MIN_CHARS // 12)]
BIG = "(?iu)" + "|".join(f"(?:{re.escape(w)})" for w in WORDS) + r"|(?:(?P<nom>[a-zé]+)-(?:là|ci))"
SAMPLES = ["mot12-composé", "MOT7-COMPOSÉ", "celui-là", "mot-composé", "ceux-ci", "rien", "mot99999-composé"]


def spans(pattern: re.Pattern) -> list:
    found = [pattern.match(s) for s in SAMPLES]
    return [m and (m.span(), m.groupdict()) for m in found]


def test_a_large_pattern_from_the_store_matches_as_res_own(tmp_path):
    assert len(BIG) >= MIN_CHARS
    expected = spans(re.compile(BIG))
    path = tmp_path / "regexes.pickle"
    re.purge()  # re's own cache would answer first
    with RegexStore(path).active():
        first = re.compile(BIG)
    assert spans(first) == expected
    assert path.exists()
    # a new process's store rebuilds the pattern without compiling it
    again = RegexStore(path)
    assert len(again.programs) == 1
    rebuilt = again.compiled(BIG, 0)
    assert again.added == 0
    assert spans(rebuilt) == expected
    assert (rebuilt.pattern, rebuilt.flags, rebuilt.groups, rebuilt.groupindex) == (
        first.pattern,
        first.flags,
        first.groups,
        first.groupindex,
    )


def test_the_store_does_not_compile_what_it_holds(tmp_path, monkeypatch):
    path = tmp_path / "regexes.pickle"
    unsaved = RegexStore(path)
    unsaved.compiled(BIG, 0)
    assert not path.exists(), "compiled() alone writes nothing"
    saved = RegexStore(path)
    saved.compiled(BIG, 0)
    saved.save()
    monkeypatch.setattr(regex_store, "_program", lambda *a: pytest.fail("compiled again"))
    assert spans(RegexStore(path).compiled(BIG, 0)) == spans(re.compile(BIG))


def test_small_patterns_are_left_to_re(tmp_path):
    path = tmp_path / "regexes.pickle"
    original = re._compile
    with RegexStore(path).active() as store:
        assert re.compile(r"\d+ tonnes").match("25 tonnes")
    assert store.programs == {}
    assert not path.exists()
    assert re._compile is original


@pytest.mark.parametrize("content", [b"", b"not a pickle", b"\x80\x05K\x01."])  # empty, garbage, an int
def test_an_unreadable_store_is_ignored(tmp_path, content):
    path = tmp_path / "regexes.pickle"
    path.write_bytes(content)
    store = RegexStore(path)
    assert store.programs == {}
    assert spans(store.compiled(BIG, 0)) == spans(re.compile(BIG))


def test_a_program_another_interpreter_wrote_is_compiled_again(tmp_path):
    path = tmp_path / "regexes.pickle"
    store = RegexStore(path)
    store.compiled(BIG, 0)
    key = next(iter(store.programs))
    store.programs[key] = ("not", "a", "program")
    assert spans(store.compiled(BIG, 0)) == spans(re.compile(BIG))


def test_the_store_is_written_whole_or_not_at_all(tmp_path):
    path = tmp_path / "sub" / "regexes.pickle"
    re.purge()
    with RegexStore(path).active():
        re.compile(BIG)
    assert [p.name for p in path.parent.iterdir()] == ["regexes.pickle"]  # no temporary file left

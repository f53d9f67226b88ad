"""Very large regular expressions, compiled once and kept on disk.

Loading the French model compiles one regular expression of 1.4 million characters
(spaCy's tokenizer exceptions), which takes Python's `re` compiler about 3 seconds
in every process that loads the model, a daily rerun's largest fixed cost after
the model's weights. The compiler's output, the pattern's program, is a plain list
of integers: `RegexStore` keeps it on disk and rebuilds the same pattern object
from it in milliseconds.

While `RegexStore.active()` runs, every pattern of at least `MIN_CHARS` characters
compiled through `re` is looked up in the store first, and compiled and added to
it otherwise; smaller patterns go to `re` untouched. The store is keyed by the
Python version and the pattern's text and flags, so a new Python or a new spaCy
compiles afresh. A store that cannot be read or rebuilt from is ignored: the
pattern is compiled as `re` would, and only time is lost.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import re
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

MIN_CHARS = 100_000
FORMAT = 1


def _key(pattern: str, flags: int) -> str:
    digest = hashlib.sha256(f"{sys.version}\0{FORMAT}\0{flags}\0".encode())
    digest.update(pattern.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def _program(pattern: str, flags: int) -> tuple:
    """What `re` compiles `pattern` to, as `_sre.compile`'s arguments after the pattern."""
    from re import _compiler, _parser

    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))


def _rebuild(pattern: str, program: tuple) -> re.Pattern:
    import _sre

    return _sre.compile(pattern, *program)


class RegexStore:
    """Compiled programs of very large patterns, by key, in one pickle file at `path`."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.programs: dict[str, tuple] = self._read()
        self.added = 0

    def _read(self) -> dict[str, tuple]:
        try:
            with open(self.path, "rb") as f:
                programs = pickle.load(f)
        except Exception:  # noqa: BLE001 - missing, half-written by an older run, another format: start empty
            return {}
        return programs if isinstance(programs, dict) else {}

    def compiled(self, pattern: str, flags: int) -> re.Pattern:
        """`re.compile(pattern, flags)`, from the store when it has the pattern's program."""
        key = _key(pattern, flags)
        program = self.programs.get(key)
        if program is not None:
            try:
                return _rebuild(pattern, program)
            except Exception:  # noqa: BLE001 - another interpreter's program: compile it again
                pass
        program = _program(pattern, flags)
        compiled = _rebuild(pattern, program)
        self.programs[key] = program
        self.added += 1
        return compiled

    def save(self) -> None:
        """Write the store if it gained programs, atomically; a store that cannot be written is skipped."""
        if not self.added:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.")
            with os.fdopen(fd, "wb") as f:
                pickle.dump(self.programs, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.path)
        except OSError:
            with contextlib.suppress(OSError, UnboundLocalError):
                os.unlink(tmp)
            return
        self.added = 0

    @contextlib.contextmanager
    def active(self) -> Iterator[RegexStore]:
        """Route `re`'s compiling of very large patterns through the store, then save what it gained."""
        original = re._compile

        def compile_through_store(pattern, flags):
            if isinstance(pattern, str) and len(pattern) >= MIN_CHARS:
                flags = int(flags)
                cached = re._cache.get((str, pattern, flags))
                if cached is None:
                    cached = self.compiled(pattern, flags)
                    re._cache[str, pattern, flags] = cached
                return cached
            return original(pattern, flags)

        re._compile = compile_through_store
        try:
            yield self
        finally:
            re._compile = original
            self.save()

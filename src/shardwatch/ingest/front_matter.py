"""YAML front matter of Markdown reports, read safely.

A report's front matter is a handful of fields (title, source, published, url). It is read
with a loader that cannot be made to do much work:

1. At most ``MAX_FRONT_MATTER_CHARS`` characters between the ``---`` lines.
2. No aliases (``*name``): a "billion laughs" block of nested aliases is refused at its first
   alias, never expanded. Nesting deeper than ``MAX_DEPTH`` is refused too, so the recursive
   composer never hits Python's recursion limit.
3. No implicit timestamps: ``published: 2016-13-01`` stays a string for the date reader,
   which says it is no date, instead of the YAML library raising on it.
4. When the block is not YAML but every line is ``key: value`` (an unquoted value with a
   colon: ``title: Mosul: the last battle``), it is read line by line, with a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

# News metadata is a few hundred characters; 64 KB leaves room for long abstracts and keyword
# lists while keeping the YAML parser's work trivial.
MAX_FRONT_MATTER_CHARS = 64 * 1024
# Deeper than any sensible metadata (a list of author mappings is depth 3).
MAX_DEPTH = 20

_OPEN = re.compile(r"-{3,}[ \t]*")
_CLOSE = re.compile(r"^(?:-{3,}|\.{3})[ \t]*$", re.MULTILINE)
_KEY_VALUE = re.compile(r"^\s*([A-Za-z_][\w\- ]{0,60}?)\s*:\s*(.*?)\s*$")
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
# Line numbers in messages count from the top of the file: the block starts on line 2, after
# the opening "---", and the YAML library counts its lines from 0.


class FrontMatterError(ValueError):
    """Front matter that cannot be read; the message says why, on one line."""


@dataclass(frozen=True)
class FrontMatter:
    metadata: dict
    content: str
    warning: str | None = None


class _MetadataLoader(yaml.SafeLoader):
    """SafeLoader without aliases, without deep nesting and without implicit timestamps."""

    depth = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise FrontMatterError(f"YAML aliases (*name) are not allowed in front matter (line {mark.line + 2})")
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                mark = self.peek_event().start_mark
                raise FrontMatterError(f"front matter nested deeper than {MAX_DEPTH} levels (line {mark.line + 2})")
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


_MetadataLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def has_front_matter(text: str) -> bool:
    first = text.split("\n", 1)[0]
    return bool(_OPEN.fullmatch(first))


def split_front_matter(text: str) -> FrontMatter:
    """Metadata and body of a text; a text without a leading ``---`` line has no metadata.

    Raises ``FrontMatterError`` for front matter that is too long, unclosed, or neither YAML
    nor ``key: value`` lines.
    """
    if not has_front_matter(text):
        return FrontMatter({}, text)
    head, _, rest = text.partition("\n")
    close = _CLOSE.search(rest)
    if close is None:
        raise FrontMatterError("front matter opened with --- is never closed")
    block, content = rest[: close.start()], rest[close.end():].lstrip("\n")
    if len(block) > MAX_FRONT_MATTER_CHARS:
        raise FrontMatterError(f"front matter is {len(block):,} characters, over the "
                               f"{MAX_FRONT_MATTER_CHARS:,} character limit")
    try:
        loaded = yaml.load(block, Loader=_MetadataLoader)  # noqa: S506 - a safe loader, see above
    except yaml.YAMLError as exc:
        problem = _yaml_problem(exc)
        fields = _line_fields(block)
        if fields is None:
            raise FrontMatterError(f"malformed front matter: {problem}") from None
        return FrontMatter(fields, content, f"front matter is not valid YAML ({problem}); read line by line")
    except RecursionError:
        raise FrontMatterError("front matter nested too deeply") from None
    if loaded is None:
        return FrontMatter({}, content)
    if not isinstance(loaded, dict):
        raise FrontMatterError(f"front matter is a YAML {type(loaded).__name__}, not a mapping of fields")
    return FrontMatter({str(k): v for k, v in loaded.items()}, content)


def _yaml_problem(exc: yaml.YAMLError) -> str:
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    mark = getattr(exc, "problem_mark", None)
    return f"{problem}, line {mark.line + 2}" if mark is not None else problem


def _line_fields(block: str) -> dict | None:
    """``key: value`` lines as a mapping (quotes around a value dropped); None unless every
    non-blank, non-comment line is one."""
    fields: dict[str, str] = {}
    for line in block.split("\n"):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = _KEY_VALUE.match(line)
        if match is None:
            return None
        value = match.group(2)
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        fields[match.group(1)] = value
    return fields or None

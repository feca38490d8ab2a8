"""What answer text must never hold (../shared/ANSWER-QUALITY.md): the composer keeps such
sentences out, and the evaluation counts any that slip through."""

from __future__ import annotations

import re

ID_LEAK = re.compile(
    r"(?<![\w-])(?:law|reg|pol|std|case|ana|upload|file)-[a-z0-9]+(?:-[a-z0-9]+)+\b"
    r"|\[S\d+[a-z]?\]|\(S\d+[a-z]?\)|(?<![A-Za-z0-9_-])R\d(?![A-Za-z0-9_])|corpus/|\w+\.ya?ml\b|\w+\.md\b")
DANGLING_EN = re.compile(
    r"^(?:that is why|this|these|those|it|they|such|thus|therefore|however|also|moreover|"
    r"in addition|as a result|by contrast|instead|still|yet|but|and|so|hence|then|here|"
    r"the same)\b", re.IGNORECASE)
DANGLING_ZH = re.compile(r"^(?:这|该|此|其(?!他)|同年|此外|另外|因此|所以|但是|但|而且|而|并且|对此|"
                         r"上述|前述|二是|三是|四是|五是)")

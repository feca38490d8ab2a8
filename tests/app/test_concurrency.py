"""Several app sessions share one engine: their searches run at the same time in different
threads (plus the app's warm-up thread) and must not disturb each other."""

from __future__ import annotations

import random
import string
import threading

from assistant.index.tokenizer import tokenize


def _words(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)  # fresh made-up words: the stemmer's cache cannot answer them
    return ["".join(rng.choices(string.ascii_lowercase, k=rng.randint(4, 12))) + "ings"
            for _ in range(count)]


def test_concurrent_sessions_search_without_disturbing_each_other(app_engine):
    errors: list[BaseException] = []
    tokens: dict[int, list[list[str]]] = {}

    def session(number: int) -> None:
        words = _words(number, 1500)
        seen = tokens.setdefault(number, [])
        try:
            for start in range(0, len(words), 100):
                query = "teacher rotation " + " ".join(words[start:start + 100])
                seen.append(tokenize(query))
                app_engine.search(query, k=3)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=session, args=(n,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    # what each thread got is what one thread alone gets
    for number, seen in tokens.items():
        words = _words(number, 1500)
        alone = [tokenize("teacher rotation " + " ".join(words[s:s + 100]))
                 for s in range(0, len(words), 100)]
        assert seen == alone

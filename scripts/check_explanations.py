"""Quick check of corpus/knowledge/explanations.yaml: ids unique and well-formed, thesis and causes
resolve to statements, 2–5 causes, no statement twice in one explanation, asks in English and Chinese
(3–6 phrases each, Chinese phrases contain CJK). Usage: python scripts/check_explanations.py [--show ID ...]"""
import glob
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
KNOW = ROOT / "corpus" / "knowledge"


def load_statements():
    out = {}
    for f in sorted(glob.glob(str(KNOW / "*.yaml"))):
        if f.endswith("explanations.yaml"):
            continue
        for s in yaml.safe_load(open(f, encoding="utf-8")).get("statements", []):
            out[s["id"]] = s
    return out


def main(argv):
    stmts = load_statements()
    data = yaml.safe_load(open(KNOW / "explanations.yaml", encoding="utf-8"))
    assert set(data) == {"explanations"}, f"top-level keys: {set(data)}"
    exps = data["explanations"]
    problems, seen = [], set()
    for e in exps:
        eid = e.get("id", "?")
        if set(e) != {"id", "asks", "thesis", "causes"}:
            problems.append(f"{eid}: keys {sorted(e)}")
        if not re.fullmatch(r"[a-z0-9-]+", eid):
            problems.append(f"{eid}: bad id")
        if eid in seen:
            problems.append(f"{eid}: duplicate id")
        seen.add(eid)
        asks = e.get("asks") or {}
        if set(asks) != {"en", "zh"}:
            problems.append(f"{eid}: asks keys {sorted(asks)}")
        for lang in ("en", "zh"):
            phrases = asks.get(lang) or []
            if not 3 <= len(phrases) <= 6:
                problems.append(f"{eid}: {len(phrases)} {lang} phrases")
            for p in phrases:
                if not isinstance(p, str) or not p.strip():
                    problems.append(f"{eid}: empty {lang} phrase")
                elif lang == "zh" and not re.search(r"[\u4e00-\u9fff]", p):
                    problems.append(f"{eid}: zh phrase without Chinese: {p}")
                elif lang == "en" and re.search(r"[\u4e00-\u9fff]{3,}", p) and not re.search(r"[a-z]{3,}", p):
                    problems.append(f"{eid}: en phrase is Chinese: {p}")
        causes = e.get("causes") or []
        if not 2 <= len(causes) <= 5:
            problems.append(f"{eid}: {len(causes)} causes")
        ids = [e.get("thesis")] + list(causes)
        if len(set(ids)) != len(ids):
            problems.append(f"{eid}: a statement used twice")
        for sid in ids:
            if sid not in stmts:
                problems.append(f"{eid}: unknown statement {sid}")
        for sid in causes:
            if sid in stmts and stmts[sid]["kind"] not in ("finding", "duty", "fact"):
                problems.append(f"{eid}: cause {sid} is a {stmts[sid]['kind']} (causes are findings, duties or facts)")
    print(f"{len(exps)} explanations, {len({s for e in exps for s in [e['thesis'], *e['causes']]})} distinct statements")
    if "--show" in argv:
        want = set(argv[argv.index("--show") + 1:])
        for e in exps:
            if want and e["id"] not in want:
                continue
            print(f"\n=== {e['id']}\n  asks: {e['asks']['en'][0]} | {e['asks']['zh'][0]}")
            for i, sid in enumerate([e["thesis"], *e["causes"]]):
                s = stmts.get(sid)
                if s:
                    tag = "T" if i == 0 else str(i)
                    print(f"  [{tag}] {sid} <{s['source']} | {s['locator']}>\n      {' '.join(s['text'].split())}")
    for p in problems:
        print("PROBLEM:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

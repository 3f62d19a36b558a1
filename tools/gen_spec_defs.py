#!/usr/bin/env python3
"""Regenerates cebgw-core's field-definition data file from the project's field reference.

Input: ../shared/ceb-spec/MESSAGES.md (field tables written from the official 202205 XSD and
spec PDF). Output: cebgw-core/src/main/resources/io/cebgw/core/spec/ceb-202205.tsv.
Only facts are carried over (names, Chinese names, formats, required flags, facets), no prose.
Run from the repository root:  python3 tools/gen_spec_defs.py
"""
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT.parent / "shared" / "ceb-spec" / "MESSAGES.md"
TARGET = ROOT / "cebgw-core/src/main/resources/io/cebgw/core/spec/ceb-202205.tsv"

COLUMNS = ["message", "path", "kind", "zh", "min", "max", "pdf_format", "pdf_required",
           "xsd_type", "min_len", "max_len", "total_digits", "fraction_digits", "collapse",
           "fixed", "default"]

# Blocks shared by every declaration message and CEB900 (from the 202205 XSDs; not tabled in MESSAGES.md
# the same way). Each tuple: path, zh, pdf format, required, xsd type, min_len, max_len, min, max.
COMMON = {
    "BaseTransfer": [
        ("BaseTransfer", "基础报文传输实体", "", "", "group", "", "", "1", "1"),
        ("BaseTransfer/copCode", "传输企业代码", "C..18", "Y", "string", "", "18", "1", "1"),
        ("BaseTransfer/copName", "传输企业名称", "C..100", "Y", "string", "", "100", "1", "1"),
        ("BaseTransfer/dxpMode", "报文传输模式", "C3", "Y", "string", "3", "3", "1", "1"),
        ("BaseTransfer/dxpId", "报文传输编号", "C..30", "Y", "string", "", "30", "1", "1"),
        ("BaseTransfer/note", "备注", "C..1000", "N", "string", "", "1000", "0", "1"),
    ],
    "BaseSubscribe": [
        ("BaseSubscribe", "基础回执订阅实体", "", "", "group", "", "", "0", "5"),
        ("BaseSubscribe/status", "订阅状态", "C..100", "Y", "string", "", "100", "1", "1"),
        ("BaseSubscribe/dxpMode", "报文传输模式", "C3", "Y", "string", "3", "3", "1", "1"),
        ("BaseSubscribe/dxpAddress", "报文传输编号", "C..100", "Y", "string", "", "100", "1", "1"),
        ("BaseSubscribe/note", "备注", "C..1000", "N", "string", "", "1000", "0", "1"),
    ],
}
CEB900 = [
    ("MessageReturn", "报文格式校验回执实体", "", "", "group", "", "", "1", "1"),
    ("MessageReturn/guid", "系统唯一序号", "C36", "Y", "string", "36", "36", "1", "1"),
    ("MessageReturn/returnStatus", "回执状态", "C..10", "Y", "string", "1", "10", "1", "1"),
    ("MessageReturn/returnInfo", "回执信息", "C..5000", "Y", "string", "", "5000", "1", "1"),
    ("MessageReturn/returnTime", "回执时间", "C17", "Y", "string", "17", "17", "1", "1"),
    ("MessageReturn/oriCopMsgId", "原始报文传输编号", "C..255", "Y", "string", "", "255", "1", "1"),
    ("MessageReturn/oriMessageType", "原始报文类型", "C..15", "Y", "string", "", "15", "1", "1"),
    ("MessageReturn/oriBizMessage", "原始业务报文", "", "Y", "string", "", "", "1", "1"),
]
ZH_TITLES = {"CEB900Message": "报文格式校验回执"}

HEADING = re.compile(r"^### (CEB\d{3}) `(CEB\d{3}Message)` — (.+?)\s+\(SPEC22")
GROUP = re.compile(r"^\| \*\*&lt;(\w+)&gt;\*\* \[(\d+)\.\.(\w+)\] \| ([^|]*)\|")
FIELD = re.compile(r"^\| `(\w+)` \| ([^|]*)\| ([^|]*)\| ([^|]*)\| ([^|]*)\|")


def xsd_facets(xsd):
    """Parses the XSD column ('opt string len=36', 'decimal digits≤19,frac≤5', 'string 3..4 ws=collapse')."""
    f = {"optional": xsd.startswith("opt "), "type": "string", "min_len": "", "max_len": "",
         "total": "", "frac": "", "collapse": "", "fixed": "", "default": ""}
    body = xsd[4:] if f["optional"] else xsd
    if body.startswith("decimal"):
        f["type"] = "decimal"
        m = re.search(r"digits≤(\d+),frac≤(\d+)", body)
        f["total"], f["frac"] = m.group(1), m.group(2)
    elif body.startswith("int"):
        f["type"] = "int"
        f["total"] = re.search(r"digits≤(\d+)", body).group(1)
    else:
        m = re.search(r"len=(\d+)", body)
        if m:
            f["min_len"] = f["max_len"] = m.group(1)
        m = re.search(r"≤(\d+)", body)
        if m:
            f["max_len"] = m.group(1)
        m = re.search(r" (\d+)\.\.(\d+)", body)
        if m:
            f["min_len"], f["max_len"] = m.group(1), m.group(2)
    if "ws=collapse" in body:
        f["collapse"] = "Y"
    m = re.search(r"fixed=(\S+)", body)
    if m:
        f["fixed"] = m.group(1)
    m = re.search(r"default=(\S+)", body)
    if m:
        f["default"] = m.group(1)
    return f


def parse(text):
    rows, titles = [], {}
    message, stack, last_was_group = None, [], False
    for line in text.splitlines():
        h = HEADING.match(line)
        if h:
            message, stack, last_was_group = h.group(2), [], False
            titles[message] = re.split(r" \(| — ", h.group(3).strip())[0]
            continue
        if line.startswith("## ") and message:
            message = None
        if not message:
            continue
        g = GROUP.match(line)
        if g:
            name, lo, hi, zh = g.group(1), g.group(2), g.group(3), g.group(4).strip()
            hi = "*" if hi == "unbounded" else hi
            if not stack or last_was_group:
                stack.append(name)      # first group, or a group directly inside the previous one
            else:
                stack[-1] = name        # a sibling of the previous nested group
            rows.append([message, "/".join(stack), "group", zh, lo, hi] + [""] * 10)
            last_was_group = True
            continue
        m = FIELD.match(line)
        if m:
            name, zh, fmt, req, xsd = (s.strip() for s in m.groups())
            f = xsd_facets(xsd)
            pdf_req = {"是": "Y", "否": "N"}.get(req, "")
            rows.append([message, "/".join(stack + [name]), "field", zh,
                         "0" if f["optional"] else "1", "1", fmt if fmt != "—" else "", pdf_req,
                         f["type"], f["min_len"], f["max_len"], f["total"], f["frac"], f["collapse"],
                         f["fixed"], f["default"]])
            last_was_group = False
    return rows, titles


def common_rows(message, entries):
    out = []
    for path, zh, fmt, req, typ, lo, hi, mn, mx in entries:
        kind = "group" if typ == "group" else "field"
        out.append([message, path, kind, zh, mn, mx, fmt, req, "" if kind == "group" else typ,
                    lo, hi, "", "", "", "", ""])
    return out


def main():
    rows, titles = parse(SOURCE.read_text(encoding="utf-8"))
    declarations = sorted({r[0] for r in rows if r[2] == "field" and r[1].endswith("/appType")})
    for message in declarations:
        rows += common_rows(message, COMMON["BaseTransfer"]) + common_rows(message, COMMON["BaseSubscribe"])
    rows += common_rows("CEB900Message", CEB900)
    titles.update(ZH_TITLES)
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    with TARGET.open("w", encoding="utf-8", newline="\n") as out:
        out.write("# CEB 202205 field definitions (export direction, plus CEB900). Generated by tools/gen_spec_defs.py\n")
        out.write("# from the project's field reference (shared/ceb-spec/MESSAGES.md), itself written from the official\n")
        out.write("# 202205 XSDs and spec PDF. Facets columns are the XSD's; pdf_* columns are the spec tables'.\n")
        for message, title in sorted(titles.items()):
            out.write(f"#title\t{message}\t{title}\n")
        out.write("\t".join(COLUMNS) + "\n")
        for r in rows:
            out.write("\t".join(r) + "\n")
    print(f"{len(rows)} rows, {len(titles)} messages -> {TARGET.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()

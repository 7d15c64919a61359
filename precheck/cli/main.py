"""``precheck``: the command line over the same checker the desktop app uses.

Exit codes: 0 ok, 1 review, 2 block; 3 and above for problems, one clear line on stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from precheck import __version__
from precheck.cli.batch import EXIT_FOR_VERDICT, run_batch
from precheck.cli.inputs import decode, read_text
from precheck.cli.pack_commands import add_pack_parser, run_pack
from precheck.cli.sarif import to_sarif
from precheck.cli.text_format import render_text
from precheck.core.engine import NETWORKS
from precheck.core.errors import PrecheckError, UsageError
from precheck.core.serialize import report_to_dict
from precheck.selftest import run_self_test
from precheck.service import CheckerSettings, build_checker


class _Parser(argparse.ArgumentParser):
    """argparse exits with 2, which means "block" here; usage errors must be 3+."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{message} (see 'precheck --help')")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="precheck", description="Check a social-media draft before you post it.")
    parser.add_argument("--version", action="version", version=f"precheck {__version__}")
    parser.add_argument("--self-test", action="store_true",
                        help="check built-in samples, load every pack, report models and grammar server")
    commands = parser.add_subparsers(dest="command", parser_class=_Parser)
    check = commands.add_parser("check", help="check a draft (a file, or - for standard input)")
    check.add_argument("file", nargs="?", default=None, help="the draft; - reads standard input")
    check.add_argument("--lang", choices=("auto", "en", "nl"), default="auto")
    check.add_argument("--channel", choices=("public", "internal"), default="public")
    check.add_argument("--network", choices=NETWORKS, default=None,
                       help="the network the post is for; its length limit is reported")
    check.add_argument("--pack", action="append", default=[], type=Path, metavar="PATH",
                       help="a rule pack to load on top of the built-in ones (repeatable)")
    check.add_argument("--format", choices=("text", "json", "sarif"), default=None,
                       help="text (default), json, or sarif; --batch always writes JSON Lines")
    check.add_argument("--batch", metavar="FILE", help="JSON Lines of {id, text, lang?, channel?}; - for stdin")
    check.add_argument("--grammar", action="store_true",
                       help="also check grammar and spelling with LanguageTool, as the admin configured it "
                            "(a local LanguageTool when nothing is configured)")
    add_pack_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    out, err = stdout or sys.stdout, stderr or sys.stderr
    try:
        args = build_parser().parse_args(argv)
        if args.self_test:
            return run_self_test(lambda line: print(line, file=out))
        if args.command == "pack":
            return run_pack(args, out, err)
        if args.command != "check":
            raise UsageError("say what to do: 'precheck check FILE' (see 'precheck --help')")
        return _check(args, out)
    except PrecheckError as exc:
        print(f"precheck: {exc}", file=err)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130


def _check(args: argparse.Namespace, out: TextIO) -> int:
    if args.batch is not None:
        if args.file is not None:
            raise UsageError("give either FILE or --batch, not both")
        if args.format not in (None, "json"):
            raise UsageError("--batch writes JSON Lines; leave out --format or use --format json")
    elif args.file is None:
        raise UsageError("give the draft to check: a FILE, or - for standard input")
    checker = _with_grammar(args, build_checker(CheckerSettings(extra_packs=tuple(args.pack))))
    if args.batch is not None:
        return _batch(args, checker, out)
    text = read_text(args.file)
    report = checker.check(text, language=args.lang, channel=args.channel, network=args.network)
    source = "<stdin>" if args.file == "-" else args.file
    if args.format == "json":
        out.write(json.dumps(report_to_dict(report), ensure_ascii=False) + "\n")
    elif args.format == "sarif":
        out.write(json.dumps(to_sarif(report, text, source), ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(render_text(report, text, source) + "\n")
    return EXIT_FOR_VERDICT[report.verdict]


def _batch(args: argparse.Namespace, checker, out: TextIO) -> int:
    raw = sys.stdin.buffer.read() if args.batch == "-" else None
    text = decode(raw, "standard input") if raw is not None else read_text(args.batch)
    worst, failed = 0, False
    for result, code in run_batch(text.split("\n"), checker, args.lang, args.channel):
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
        out.flush()
        failed |= code >= 3
        worst = max(worst, code if code < 3 else 0)
    return 3 if failed else worst


def _with_grammar(args: argparse.Namespace, checker: Any) -> Any:
    """Grammar only on request: scripts rely on the output, and a local LanguageTool takes seconds to start.

    The wrapped checker answers ``check`` like the plain one, so single drafts and --batch both get grammar.
    """
    if not getattr(args, "grammar", False):
        return checker
    from precheck.service import GrammarChecking, build_grammar

    grammar = build_grammar(requested=True)
    grammar.warm_up(wait=GRAMMAR_START_WAIT)
    return GrammarChecking(checker, grammar)


GRAMMAR_START_WAIT = 60.0


def entry() -> None:
    sys.exit(main())

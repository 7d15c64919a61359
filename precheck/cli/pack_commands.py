"""``precheck pack ...``: what admins use to check, sign, publish and install rule packs."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from functools import partial
from pathlib import Path
from typing import TextIO

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from precheck.admin_config import load_admin_config
from precheck.cli.pack_authoring import add_authoring_parsers, checker_with, run_test, run_try
from precheck.core.errors import PackError, UsageError
from precheck.rulepacks.fetch import UpdateError
from precheck.rulepacks.install import UpdateResult
from precheck.rulepacks.levels import (
    DEPARTMENT,
    LEVELS,
    ORGANISATION,
    PackRepository,
    configured_repositories,
    repository_for,
    update_levels,
)
from precheck.rulepacks.loader import load_pack
from precheck.rulepacks.replacements import flagged_replacements, one_wording_notes
from precheck.rulepacks.repository import publish
from precheck.rulepacks.signing import (
    private_from_file,
    private_from_keyring,
    private_to_file,
    private_to_keyring,
    public_key_text,
)
from precheck.rulepacks.yaml_lines import load_located
from precheck.service import CheckerSettings, active_pack_origins

PASSPHRASE_ENV = "PRECHECK_KEY_PASSPHRASE"


def add_pack_parser(commands: argparse._SubParsersAction) -> None:
    pack = commands.add_parser("pack", help="validate, sign, publish and install rule packs")
    sub = pack.add_subparsers(dest="pack_command", parser_class=type(pack))
    validate = sub.add_parser("validate", help="check pack files; one file:line:column line per problem")
    validate.add_argument("packs", nargs="+", type=Path)
    listing = sub.add_parser("list", help="the active packs, where they come from and their versions")
    listing.add_argument("--pack", action="append", default=[], type=Path, metavar="PATH",
                         help="your own pack file, as given to 'check --pack' (repeatable)")
    keygen = sub.add_parser("keygen", help="make an Ed25519 signing key; prints the public key")
    keygen.add_argument("name")
    keygen.add_argument("--out", type=Path, help="write a passphrase-protected key file instead of the keyring")
    pub = sub.add_parser("publish", help="write packs and a signed index to a repository folder")
    pub.add_argument("packs", nargs="+", type=Path)
    pub.add_argument("--key", help="name of the signing key in the keyring")
    pub.add_argument("--key-file", type=Path, help="a key file made by 'keygen --out'")
    pub.add_argument("--to", type=Path, required=True, help="the repository folder")
    pub.add_argument("--repository", default="precheck", help="the repository's name")
    pub.add_argument("--valid-days", type=int, default=30, help="days until the index expires")
    upd = sub.add_parser("update", help="install the packs of IT's signed repositories")
    upd.add_argument("--from", dest="source", help="folder or URL; default: every repository IT configured")
    upd.add_argument("--level", choices=LEVELS,
                     help="which repository: with --from, where it installs (default organisation); "
                          "without, the configured one of that level only")
    add_authoring_parsers(sub)


def run_pack(args: argparse.Namespace, out: TextIO, err: TextIO | None = None) -> int:
    command = args.pack_command
    handlers = {"validate": _validate, "list": _list, "keygen": _keygen, "publish": _publish,
                "update": partial(_update, err=err or sys.stderr), "test": run_test, "try": run_try}
    if command not in handlers:
        raise UsageError(f"say what to do with packs: {', '.join(handlers)}")
    return handlers[command](args, out)


def _validate(args: argparse.Namespace, out: TextIO) -> int:
    failed = False
    for path in args.packs:
        try:
            pack = load_pack(path)
            data = load_located(path.read_text(encoding="utf-8"))  # once, for every position below
            flagged = flagged_replacements(str(path), data, pack.languages, checker_with(path, use_nlp=False).check)
            if flagged:
                raise PackError(f"{path}: replacements would be flagged", tuple(flagged))
            out.writelines(f"{note}\n" for note in one_wording_notes(str(path), data, pack.languages))
            out.write(f"{path}: ok ({pack.id} {pack.version})\n")
        except PackError as exc:
            failed = True
            out.write("\n".join(exc.problems or (f"{path}:1:1: {exc.message}",)) + "\n")
    return 1 if failed else 0


ORIGIN_WORDS = {"builtin": "built-in", ORGANISATION: ORGANISATION, DEPARTMENT: DEPARTMENT, "extra": "own file"}


def _list(args: argparse.Namespace, out: TextIO) -> int:
    for origin, path in active_pack_origins(CheckerSettings(extra_packs=tuple(args.pack))):
        pack = load_pack(path)
        out.write(f"{pack.id:<28} {pack.version:<10} {ORIGIN_WORDS[origin]:<12} {path}\n")
    return 0


def _keygen(args: argparse.Namespace, out: TextIO) -> int:
    private = Ed25519PrivateKey.generate()
    if args.out:
        if args.out.exists():
            raise UsageError(f"{args.out} exists; refusing to overwrite a key")
        private_to_file(args.out, private, _passphrase(confirm=True))
        where = str(args.out)
    else:
        private_to_keyring(args.name, private)
        where = "the keyring"
    out.write(f"private key {args.name!r} stored in {where}\npublic key (give this to IT):\n")
    out.write(public_key_text(private.public_key()) + "\n")
    return 0


def _publish(args: argparse.Namespace, out: TextIO) -> int:
    if bool(args.key) == bool(args.key_file):
        raise UsageError("give exactly one of --key NAME or --key-file FILE")
    private = private_from_file(args.key_file, _passphrase()) if args.key_file else private_from_keyring(args.key)
    signed = publish(private, args.packs, args.to, repository=args.repository, valid_days=args.valid_days)
    out.write(f"published {signed['repository']} version {signed['version']} to {args.to}, "
              f"expires {signed['expires']}\n")
    for entry in signed["packs"]:
        out.write(f"  {entry['id']} {entry['version']} sha256:{entry['sha256'][:16]}…\n")
    return 0


def _update(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Every level gets its turn: a refused department update never holds back the organisation's."""
    refused = False
    for outcome in update_levels(_repositories(args)):
        if outcome.result is None:
            refused = True
            err.write(f"precheck: {outcome.level} packs not updated: {outcome.error}\n")
        else:
            _write_result(outcome.level, outcome.result, out)
    return UpdateError.exit_code if refused else 0


def _repositories(args: argparse.Namespace) -> list[PackRepository]:
    config = load_admin_config()
    if args.source:
        return [repository_for(config, args.level or ORGANISATION, args.source)]
    repositories = [r for r in configured_repositories(config) if args.level in (None, r.level)]
    if repositories:
        return repositories
    if args.level == DEPARTMENT:
        raise UsageError("no department repository: give --from, or ask IT to set packs.department_source")
    raise UsageError("no update source: give --from, or ask IT to set packs.update_source")


def _write_result(level: str, result: UpdateResult, out: TextIO) -> None:
    verb = "installed" if result.status == "updated" else "already up to date:"
    out.write(f"{level}: {verb} {result.repository} version {result.version}\n")
    for pack_id, version in sorted(result.packs.items()):
        out.write(f"  {pack_id} {version}\n")


def _passphrase(confirm: bool = False) -> bytes:
    if PASSPHRASE_ENV in os.environ:
        return os.environ[PASSPHRASE_ENV].encode("utf-8")
    first = getpass.getpass("passphrase for the key file: ")
    if confirm and getpass.getpass("repeat the passphrase: ") != first:
        raise UsageError("the passphrases differ")
    return first.encode("utf-8")

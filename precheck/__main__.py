"""``python -m precheck``: the same as the ``precheck`` command."""

from precheck.cli.main import entry

if __name__ == "__main__":
    entry()

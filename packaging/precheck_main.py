"""The frozen app's one executable: ``precheck gui`` opens the desktop app, anything else is the CLI.

One executable instead of two halves the bundle's Python archive; the
``precheck-gui`` launcher beside it runs ``precheck gui``.
"""

import sys


def run() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "gui":
        del sys.argv[1]
        from precheck.ui.app import entry
    else:
        from precheck.cli.main import entry
    entry()


if __name__ == "__main__":
    run()

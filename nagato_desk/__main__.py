"""Entry point: ``nagato-desk`` and ``python -m nagato_desk``."""

import sys


def main() -> int:
    from nagato_desk.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())

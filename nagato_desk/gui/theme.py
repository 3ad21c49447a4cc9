"""One calm look on every PC: Fusion, a light palette, bundled BIZ UD Gothic at a readable size."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication

from nagato_desk.paths import FONT_GOTHIC, FONT_GOTHIC_BOLD, resource_path

FAMILY = "BIZ UDGothic"
_loaded = False


def register_fonts() -> str:
    """Register the bundled fonts with Qt; returns the family name to use."""
    global _loaded
    if not _loaded:
        for name in (FONT_GOTHIC, FONT_GOTHIC_BOLD):
            QFontDatabase.addApplicationFont(str(resource_path("fonts", name)))
        _loaded = True
    return FAMILY


def apply_theme(app: QApplication, font_size: int) -> None:
    app.setStyle("Fusion")
    family = register_fonts()
    font = QFont(family)
    font.setPointSize(font_size)
    app.setFont(font)
    pal = QPalette()
    base = QColor("#ffffff")
    window = QColor("#f4f6f8")
    text = QColor("#1f2933")
    accent = QColor("#2f6f9f")
    pal.setColor(QPalette.ColorRole.Window, window)
    pal.setColor(QPalette.ColorRole.WindowText, text)
    pal.setColor(QPalette.ColorRole.Base, base)
    pal.setColor(QPalette.ColorRole.AlternateBase, QColor("#eef3f7"))
    pal.setColor(QPalette.ColorRole.Text, text)
    pal.setColor(QPalette.ColorRole.Button, QColor("#e9edf1"))
    pal.setColor(QPalette.ColorRole.ButtonText, text)
    pal.setColor(QPalette.ColorRole.Highlight, accent)
    pal.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    pal.setColor(QPalette.ColorRole.ToolTipBase, QColor("#fffbe6"))
    pal.setColor(QPalette.ColorRole.ToolTipText, text)
    pal.setColor(QPalette.ColorRole.PlaceholderText, QColor("#7b8794"))
    pal.setColor(QPalette.ColorRole.Link, accent)
    app.setPalette(pal)
    app.setStyleSheet(
        """
        QListWidget#navigation { background: #24435c; color: #ffffff; border: none; padding-top: 8px; }
        QListWidget#navigation::item { padding: 12px 18px; }
        QListWidget#navigation::item:selected { background: #2f6f9f; color: #ffffff; }
        QLabel[role="title"] { font-size: TITLE_SIZEpt; font-weight: bold; }
        QLabel[role="subtitle"] { color: #52606d; }
        QPushButton { padding: 6px 14px; }
        QPushButton[role="primary"] { background: #2f6f9f; color: white; font-weight: bold; border-radius: 4px; }
        QPushButton[role="primary"]:disabled { background: #9fb3c8; }
        QTableView { gridline-color: #d9e2ec; }
        QHeaderView::section { background: #e4ebf1; padding: 4px; border: 1px solid #d9e2ec; font-weight: bold; }
        """.replace("TITLE_SIZE", str(font_size + 6))
    )

"""会計: the books of the council — the cash book (出納簿), the budget and its amendments (予算), the
settlement and closing of a year (決算), the audit (監査), subsidies (補助金) and the set-up of funds,
money accounts and heads (科目・口座). The fund and fiscal year are chosen once, above the tabs."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from nagato_desk.database import Database
from nagato_desk.dates import fiscal_year_of, format_fiscal_year
from nagato_desk.errors import NagatoError
from nagato_desk.gui.accounts_audit_tab import AuditTab
from nagato_desk.gui.accounts_common import WARNING_STYLE, Books
from nagato_desk.gui.accounts_setup_tab import SetupTab
from nagato_desk.gui.accounts_subsidies_tab import SubsidiesTab
from nagato_desk.gui.budget_tab import BudgetTab
from nagato_desk.gui.cashbook_tab import CashBookTab
from nagato_desk.gui.settlement_tab import SettlementTab
from nagato_desk.services import funds as funds_service
from nagato_desk.services import year_close as year_close_service
from nagato_desk.settings import Settings


class AccountsPage(QWidget):
    changed = Signal()

    def __init__(
        self, db: Database, settings: Settings, lang: str = "ja", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.settings = settings
        self.lang = lang
        self.books = Books(db, settings.date_style, lang, settings, fiscal_year=fiscal_year_of(date.today()))
        heading = QLabel(self.tr("Accounts"), self)
        heading.setProperty("role", "title")
        self.fund = QComboBox(self)
        self.year = QComboBox(self)
        self.year.setMinimumWidth(170)
        self.status = QLabel(self)
        self.status.setStyleSheet(WARNING_STYLE)
        self.import_button = QPushButton(self.tr("Import…"), self)
        self.import_button.setToolTip(
            self.tr("Read the cash book or budget from the Excel or CSV file you keep")
        )
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.export_button.setToolTip(
            self.tr("Save the budget, settlement, cash book, audit report and more as PDF or Excel")
        )
        self.import_button.clicked.connect(self.import_file)
        self.export_button.clicked.connect(self.export_documents)
        QShortcut(QKeySequence("Ctrl+I"), self, self.import_file)
        QShortcut(QKeySequence("Ctrl+E"), self, self.export_documents)
        self.tabs = QTabWidget(self)
        self.cashbook = CashBookTab(self.books, self)
        self.budget = BudgetTab(self.books, self)
        self.settlement = SettlementTab(self.books, self)
        self.audit = AuditTab(self.books, self)
        self.subsidies = SubsidiesTab(self.books, self)
        self.setup = SetupTab(self.books, self)
        self.tab_pages: list[tuple[str, QWidget]] = [
            ("cashbook", self.cashbook),
            ("budget", self.budget),
            ("settlement", self.settlement),
            ("audit", self.audit),
            ("subsidies", self.subsidies),
            ("setup", self.setup),
        ]
        for widget, title in (
            (self.cashbook, self.tr("Cash book")),
            (self.budget, self.tr("Budget")),
            (self.settlement, self.tr("Settlement")),
            (self.audit, self.tr("Audit")),
            (self.subsidies, self.tr("Subsidies")),
            (self.setup, self.tr("Heads and accounts")),
        ):
            self.tabs.addTab(widget, title)
            widget.changed.connect(self.after_change)
        self.settlement.year_state_changed.connect(self.year_state_changed)
        self.setup.funds_changed.connect(self.reload_funds)
        self.tabs.currentChanged.connect(lambda _i: self.refresh_current())
        self.fund.currentIndexChanged.connect(lambda _i: self.books_chosen())
        self.year.currentIndexChanged.connect(lambda _i: self.books_chosen())
        head = QHBoxLayout()
        head.addWidget(heading)
        head.addSpacing(16)
        for text, combo in ((self.tr("Fund"), self.fund), (self.tr("Fiscal year"), self.year)):
            caption = QLabel(text, self)
            caption.setBuddy(combo)
            head.addWidget(caption)
            head.addWidget(combo)
        head.addWidget(self.status, 1)
        head.addWidget(self.import_button)
        head.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addLayout(head)
        layout.addWidget(self.tabs, 1)
        self._ensure_fund()
        self.reload_funds()

    def page_title(self) -> str:
        return self.tr("Accounts")

    def show_tab(self, key: str) -> None:
        index = next(i for i, (k, _w) in enumerate(self.tab_pages) if k == key)
        self.tabs.setCurrentIndex(index)

    # --- fund and year -------------------------------------------------------------------------
    def _ensure_fund(self) -> None:
        """The 一般会計 with the usual heads on first use (not in a read-only window)."""
        with self.db.Session() as session:
            if funds_service.list_funds(session):
                return
        try:
            with self.db.session() as session:
                funds_service.ensure_default_fund(session)
        except (NagatoError, OSError, Exception):  # noqa: BLE001 - a read-only file shows an empty page
            return

    def reload_funds(self) -> None:
        with self.db.Session() as session:
            funds = [(f.id, f.name, f.first_fiscal_year) for f in funds_service.list_funds(session)]
        current = self.fund.currentData()
        self.fund.blockSignals(True)
        self.fund.clear()
        for fund_id, name, _first in funds:
            self.fund.addItem(name, fund_id)
        self.fund.setCurrentIndex(max(0, self.fund.findData(current)))
        self.fund.blockSignals(False)
        self.first_years = {fund_id: first for fund_id, _name, first in funds}
        self.choose_books()

    def _fill_years(self) -> None:
        fund_id = self.fund.currentData()
        today_fy = fiscal_year_of(date.today())
        first = min(self.first_years.get(fund_id, today_fy), today_fy)
        closed: set[int] = set()
        if fund_id is not None:
            with self.db.Session() as session:
                closed = set(year_close_service.closed_years(session, fund_id))
        current = self.year.currentData() or self.books.fiscal_year
        self.year.blockSignals(True)
        self.year.clear()
        for fy in range(today_fy + 1, first - 1, -1):
            label = format_fiscal_year(fy, self.settings.date_style)
            if fy in closed:
                label += self.tr(" (closed)")
            self.year.addItem(label, fy)
        self.year.setCurrentIndex(max(0, self.year.findData(current)))
        self.year.blockSignals(False)

    def books_chosen(self) -> None:
        """The user picked another fund or year: unsaved budget edits are saved or dropped first."""
        if self.budget.confirm_leave():
            self.choose_books()
            return
        for combo, value in ((self.fund, self.books.fund_id), (self.year, self.books.fiscal_year)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)

    def choose_books(self) -> None:
        self._fill_years()
        books = self.books
        books.date_style = self.settings.date_style
        books.fund_id = self.fund.currentData()
        books.fiscal_year = self.year.currentData() or fiscal_year_of(date.today())
        self._read_year_state()
        self.refresh_current()

    def _read_year_state(self) -> None:
        books = self.books
        if books.fund_id is None:
            books.closed = False
        else:
            with self.db.Session() as session:
                books.closed = year_close_service.is_closed(session, books.fund_id, books.fiscal_year)
        self.status.setText(self.tr("Closed year: read-only") if books.closed else "")

    def set_books(self, fund_id: int, fiscal_year: int) -> None:
        """Show ``fiscal_year`` of ``fund_id`` (the tests and other sections use this)."""
        self.fund.setCurrentIndex(max(0, self.fund.findData(fund_id)))
        self._fill_years()
        self.year.setCurrentIndex(max(0, self.year.findData(fiscal_year)))
        self.choose_books()

    def year_state_changed(self) -> None:
        self._fill_years()
        self._read_year_state()
        self.refresh_current()
        self.changed.emit()

    # --- refresh -------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.reload_funds()

    def refresh_current(self) -> None:
        self.tabs.currentWidget().refresh()  # type: ignore[attr-defined]

    def after_change(self) -> None:
        self.changed.emit()

    # --- import and export ---------------------------------------------------------------------
    def import_file(self):  # type: ignore[no-untyped-def]
        from nagato_desk.gui.accounts_import import AccountsImportDialog

        dialog = AccountsImportDialog(self.books, self)
        dialog.exec()
        if dialog.imported:
            self.refresh_current()
            self.changed.emit()
        return dialog

    def export_documents(self):  # type: ignore[no-untyped-def]
        from nagato_desk.gui.document_export import SaveDocumentDialog

        documents = [
            ("cashbook", self.tr("Cash book")),
            ("budget", self.tr("Budget statement")),
            ("settlement", self.tr("Settlement statement")),
            ("balance", self.tr("Balances at year end")),
            ("audit", self.tr("Audit report")),
            ("subsidy", self.tr("Subsidy report")),
        ]
        years = [self.year.itemData(i) for i in range(self.year.count())]
        fy = self.books.fiscal_year
        years = [fy] + [y for y in years if y != fy]
        dialog = SaveDocumentDialog(
            self.db, self.settings.date_style, self.lang, documents, years=years, fiscal_year=fy, parent=self
        )
        dialog.exec()
        return dialog

    def screenshots(self, save) -> None:  # type: ignore[no-untyped-def]
        from nagato_desk.gui.accounts_import import AccountsImportDialog
        from nagato_desk.gui.document_export import SaveDocumentDialog

        dialog = SaveDocumentDialog(
            self.db,
            self.settings.date_style,
            self.lang,
            [("settlement", self.tr("Settlement statement"))],
            years=[self.books.fiscal_year],
            parent=self,
        )
        save(dialog, "accounts-export")
        save(AccountsImportDialog(self.books, self), "accounts-import")
        for tab in (self.audit, self.subsidies):
            shots = getattr(tab, "screenshots", None)
            if shots is not None:
                shots(save)
        # last year, as the audit and the settlement see it: closed, audited, its subsidy
        shown, fund_id = self.books.fiscal_year, self.books.fund_id
        if fund_id is None:
            return
        self.set_books(fund_id, shown - 1)
        for key, name in (
            ("cashbook", "accounts-last-year"),
            ("settlement", "accounts-settlement-last-year"),
            ("audit", "accounts-audit-last-year"),
            ("subsidies", "accounts-subsidies-last-year"),
        ):
            self.show_tab(key)
            save(self.window(), name)
        self.set_books(fund_id, shown)
        self.show_tab("cashbook")

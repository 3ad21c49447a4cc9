"""構成: the outline of the plan — the vision and current state above, the goals with their actions
in a tree (drag and drop or 上へ/下へ to order), the selected goal or action in a form beside it;
editing the plan, and the mid-term revision (見直し) that makes a new version."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from nagato_desk.database import Database
from nagato_desk.errors import NagatoError, ValidationError, problem
from nagato_desk.gui.buttons import mark_primary
from nagato_desk.gui.errors import show_error
from nagato_desk.gui.plan_forms import ActionForm, GoalForm
from nagato_desk.gui.plan_links_panel import PlanLinksPanel
from nagato_desk.gui.plan_summary import PlanSummary
from nagato_desk.gui.plan_tree import ABOVE, KIND, OutlineTree, years_text
from nagato_desk.gui.plan_view import PlanView
from nagato_desk.money import format_yen
from nagato_desk.services import committees as committees_service
from nagato_desk.services import goals as goals_service
from nagato_desk.services import plan_actions as actions_service
from nagato_desk.services import plan_views
from nagato_desk.services import plans as plans_service


class PlanOutlineTab(QWidget):
    changed = Signal()
    revised = Signal(int)  # the new version's id
    plan_created = Signal(int)

    def __init__(
        self, db: Database, date_style: str, lang: str = "ja", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.date_style = date_style
        self.lang = lang
        self.view: PlanView | None = None
        self.mode = ""  # "", "goal", "action", "new_goal", "new_action"
        self.editing_id: int | None = None  # the goal or action in the form (or the new action's goal)
        self.loaded: object = None  # the form's draft as shown, to tell whether it was changed

        self.summary = PlanSummary(self)
        self.read_only_note = QLabel(self)
        self.read_only_note.setProperty("role", "subtitle")
        self.read_only_note.setWordWrap(True)
        self.edit_plan_button = QPushButton(self.tr("Edit the plan…"), self)
        self.revise_button = QPushButton(self.tr("Mid-term revision…"), self)
        self.revise_button.setToolTip(self.tr("Make a new version of the plan; this one is kept as it is"))
        self.edit_plan_button.clicked.connect(self.edit_plan)
        self.revise_button.clicked.connect(self.revise)

        self.tree = OutlineTree(self)
        self.tree.setHeaderLabels(
            [self.tr("Goal / action"), self.tr("Field / committee"), self.tr("Years"), self.tr("Cost (yen)")]
        )
        self.tree.currentItemChanged.connect(self._selection_changed)
        self.tree.move_requested.connect(self.drop)
        self.add_goal_button = QPushButton(self.tr("Add goal"), self)
        self.add_action_button = QPushButton(self.tr("Add action"), self)
        self.up_button = QPushButton(self.tr("Up"), self)
        self.down_button = QPushButton(self.tr("Down"), self)
        self.delete_button = QPushButton(self.tr("Delete…"), self)
        self.up_button.setToolTip(self.tr("Move up (Ctrl+Up)"))
        self.down_button.setToolTip(self.tr("Move down (Ctrl+Down)"))
        self.add_goal_button.setToolTip(self.tr("Add a goal (Ctrl+G)"))
        self.add_action_button.setToolTip(self.tr("Add an action under the selected goal (Ctrl+N)"))
        for button, slot, keys in (
            (self.add_goal_button, self.new_goal, "Ctrl+G"),
            (self.add_action_button, self.new_action, "Ctrl+N"),
            (self.up_button, lambda: self.move(-1), ""),
            (self.down_button, lambda: self.move(1), ""),
            (self.delete_button, self.delete_selected, ""),
        ):
            button.clicked.connect(slot)
            if keys:
                QShortcut(QKeySequence(keys), self, slot)
        self.tree.move_by.connect(self.move)  # Ctrl+Up / Ctrl+Down in the tree
        self.tree.delete_pressed.connect(self.delete_selected)

        self.goal_form = GoalForm(self)
        self.action_form = ActionForm(date_style, self)
        self.goal_form.submitted.connect(self.save)
        self.hint = QLabel(self.tr("Choose a goal or an action, or add one."), self)
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.forms = QStackedWidget(self)
        for widget in (self.hint, self.goal_form, self.action_form):
            self.forms.addWidget(widget)
        self.form_box = QGroupBox(self)
        self.save_button = QPushButton(self.tr("Save"), self)
        mark_primary(self.save_button)
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.cancel_button = QPushButton(self.tr("Undo changes"), self)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.show_selected)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save)
        box_layout = QVBoxLayout(self.form_box)
        box_layout.addWidget(self.forms, 1)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.cancel_button)
        save_row.addWidget(self.save_button)
        box_layout.addLayout(save_row)

        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        plan_buttons = QVBoxLayout()
        plan_buttons.addWidget(self.edit_plan_button)
        plan_buttons.addWidget(self.revise_button)
        plan_buttons.addStretch(1)
        top.addLayout(plan_buttons)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.links = PlanLinksPanel(db, date_style, self)  # the selected action's cost and decisions
        left_split = QSplitter(Qt.Orientation.Vertical, left)
        left_split.addWidget(self.tree)
        left_split.addWidget(self.links)
        left_split.setStretchFactor(0, 3)
        left_split.setStretchFactor(1, 2)
        left_split.setChildrenCollapsible(False)
        left_layout.addWidget(left_split, 1)
        tree_buttons = QHBoxLayout()
        for button in (self.add_goal_button, self.add_action_button, self.up_button, self.down_button):
            tree_buttons.addWidget(button)
        tree_buttons.addStretch(1)
        tree_buttons.addWidget(self.delete_button)
        left_layout.addLayout(tree_buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.form_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([580, 400])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.read_only_note)
        layout.addWidget(splitter, 1)
        self.setTabOrder(self.tree, self.goal_form.field)

    # --- reading --------------------------------------------------------------------------------
    def set_view(self, view: PlanView | None) -> None:
        self.view = view
        if view is not None:
            self.action_form.years.date_style = self.date_style
            self.action_form.set_period(view.years)

    def editable(self) -> bool:
        return self.view is not None and not self.view.read_only

    def refresh(self, select: tuple[str, int] | None = None) -> None:
        if self.view is None:
            return
        select = select or self.tree.key_of(self.tree.currentItem())
        style = self.date_style
        with self.db.Session() as session:
            version = plans_service.get_version(session, self.view.version_id)
            figures = plans_service.plan_figures(session, version.id)
            self.summary.show_version(version, figures, style)
            committees = [(c.id, c.name) for c in committees_service.list_committees(session)]
            goals = []
            for goal in plan_views.outline(session, version.id):
                actions = [
                    (
                        a.action_id,
                        a.title,
                        a.committee,
                        years_text(a.years, style),
                        format_yen(a.estimated_cost) if a.estimated_cost is not None else "",
                    )
                    for a in goal.actions
                ]
                goals.append((goal.goal_id, goal.title, goal.field, actions))
            note = ""
            if self.view.read_only:
                note = self.tr(
                    "Version %1 was replaced by a mid-term revision. It is shown as it was and cannot be changed."
                ).replace("%1", str(version.number))
        self.read_only_note.setText(note)
        self.read_only_note.setVisible(bool(note))
        self.action_form.set_committees(committees)
        self.tree.blockSignals(True)
        self.tree.clear()
        for goal_id, title, field, actions in goals:
            goal_item = QTreeWidgetItem([title, field, "", ""])
            goal_item.setData(0, KIND, f"goal:{goal_id}")
            font = goal_item.font(0)
            font.setBold(True)
            goal_item.setFont(0, font)
            goal_item.setToolTip(0, title)
            goal_item.setFlags(goal_item.flags() | Qt.ItemFlag.ItemIsDragEnabled)
            for action_id, a_title, committee, years, cost in actions:
                item = QTreeWidgetItem([a_title, committee, years, cost])
                item.setData(0, KIND, f"action:{action_id}")
                item.setToolTip(0, a_title)
                item.setTextAlignment(3, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                goal_item.addChild(item)
            self.tree.addTopLevelItem(goal_item)
        self.tree.expandAll()
        current = self.tree.find(select) or self.tree.topLevelItem(0)
        self.tree.setCurrentItem(current)
        self.tree.blockSignals(False)
        editable = self.editable()
        self.tree.set_editable(editable)
        for button in (
            self.edit_plan_button,
            self.revise_button,
            self.add_goal_button,
            self.add_action_button,
            self.up_button,
            self.down_button,
            self.delete_button,
        ):
            button.setEnabled(editable)
        self.show_selected()

    # --- the form beside the tree ---------------------------------------------------------------
    def _form(self):  # type: ignore[no-untyped-def]
        return self.goal_form if self.mode in ("goal", "new_goal") else self.action_form

    def is_dirty(self) -> bool:
        """The form holds changes not saved (a cost that cannot be read counts as a change)."""
        if not self.mode or not self.editable():
            return False
        try:
            return self._form().draft() != self.loaded
        except ValidationError:
            return True

    def _selection_changed(self, current, previous) -> None:  # type: ignore[no-untyped-def]
        """Moving to another row with changes in the form: save them, drop them, or stay."""
        if previous is not None and self.is_dirty():
            answer = QMessageBox.question(
                self,
                self.tr("Save changes?"),
                self.tr("“%1” was changed. Save the changes before moving on?").replace(
                    "%1", self.form_box.title()
                ),
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
            )
            if answer == QMessageBox.StandardButton.Save:
                self.save(select=self.tree.key_of(current))
                return
            if answer != QMessageBox.StandardButton.Discard:
                self.tree.blockSignals(True)
                self.tree.setCurrentItem(previous)
                self.tree.blockSignals(False)
                return
        self.show_selected()

    def show_selected(self) -> None:
        key = self.tree.key_of(self.tree.currentItem())
        self.links.show_action(key[1] if key is not None and key[0] == "action" else None, self.date_style)
        if key is None or self.view is None:
            self._show_form("", None)
            return
        with self.db.Session() as session:
            if key[0] == "goal":
                goal = goals_service.get_goal(session, key[1])
                self.goal_form.set_draft(goals_service.GoalDraft(goal.field, goal.title, goal.description))
            else:
                action = actions_service.get_action(session, key[1])
                name = action.committee.name if action.committee is not None else ""
                self.action_form.set_draft(actions_service.draft_of_action(action), name)
        self._show_form(key[0], key[1])
        self.loaded = self._form().draft()

    def _show_form(self, mode: str, editing_id: int | None) -> None:
        self.mode, self.editing_id = mode, editing_id
        titles = {
            "": "",
            "goal": self.tr("Goal"),
            "new_goal": self.tr("New goal"),
            "action": self.tr("Action"),
            "new_action": self.tr("New action"),
        }
        self.form_box.setTitle(titles[mode])
        form = {"": self.hint, "goal": self.goal_form, "new_goal": self.goal_form}.get(mode, self.action_form)
        self.forms.setCurrentWidget(form)
        read_only = not self.editable()
        self.goal_form.set_read_only(read_only)
        self.action_form.set_read_only(read_only)
        self.save_button.setVisible(bool(mode) and not read_only)
        self.cancel_button.setVisible(bool(mode) and not read_only)

    def new_goal(self) -> None:
        if not self.editable():
            return
        self.goal_form.set_draft(None)
        self._show_form("new_goal", None)
        self.loaded = self.goal_form.draft()
        self.goal_form.field.setFocus()

    def new_action(self) -> None:
        if not self.editable():
            return
        item = self.tree.currentItem()
        if item is not None and item.parent() is not None:
            item = item.parent()
        goal = self.tree.key_of(item)
        if goal is None:
            show_error(
                self,
                problem("先に基本目標を追加してください。", "Add a goal first.", field="goal_id"),
                self.lang,
            )
            return
        self.action_form.set_draft(None)
        self._show_form("new_action", goal[1])
        self.loaded = self.action_form.draft()
        self.form_box.setTitle(self.tr("New action under “%1”").replace("%1", item.text(0)))
        self.action_form.title.setFocus()

    def save(self, select: tuple[str, int] | None = None) -> bool:
        """Save the form; ``select`` is the row to show afterwards (the saved one by default)."""
        if not self.mode or not self.editable() or self.view is None:
            return False
        mode, editing_id, version_id = self.mode, self.editing_id, self.view.version_id
        form = self.goal_form if mode in ("goal", "new_goal") else self.action_form
        try:
            draft = form.draft()
            with self.db.session() as session:
                if mode == "new_goal":
                    key = ("goal", goals_service.add_goal(session, version_id, draft).id)
                elif mode == "goal":
                    key = ("goal", goals_service.update_goal(session, editing_id, draft).id)
                elif mode == "new_action":
                    key = ("action", actions_service.add_action(session, editing_id, draft).id)
                else:
                    key = ("action", actions_service.update_action(session, editing_id, draft).id)
        except ValidationError as exc:
            show_error(self, exc, self.lang)
            self._back_to_form()
            form.focus_field(exc.problems[0].field if exc.problems else None)
            return False
        except NagatoError as exc:
            show_error(self, exc, self.lang)
            self._back_to_form()
            return False
        self.loaded = None
        self.refresh(select or key)
        self.changed.emit()
        return True

    def _back_to_form(self) -> None:
        """After a refused save the tree shows the row whose form is open again (not the one the
        user was moving to)."""
        if self.mode in ("goal", "action"):
            item = self.tree.find((self.mode, self.editing_id))  # type: ignore[arg-type]
            if item is not None and item is not self.tree.currentItem():
                self.tree.blockSignals(True)
                self.tree.setCurrentItem(item)
                self.tree.blockSignals(False)

    # --- order, delete --------------------------------------------------------------------------
    def _run(self, action, select: tuple[str, int] | None) -> bool:  # type: ignore[no-untyped-def]
        try:
            with self.db.session() as session:
                action(session)
        except NagatoError as exc:
            show_error(self, exc, self.lang)
            return False
        self.refresh(select)
        self.changed.emit()
        return True

    def move(self, delta: int) -> None:
        key = self.tree.key_of(self.tree.currentItem())
        if key is None or not self.editable():
            return
        if key[0] == "goal":
            self._run(lambda s: goals_service.move_goal(s, key[1], delta), key)
        else:
            self._run(lambda s: actions_service.move_action(s, key[1], delta), key)

    def drop(self, kind: str, item_id: int, target_kind: str, target_id: int, where: str) -> None:
        """A drag and drop in the tree: goals among goals; an action under the goal dropped on,
        or beside the action dropped on."""
        if not self.editable() or self.view is None:
            return
        version_id = self.view.version_id
        goal_ids = [
            self.tree.key_of(self.tree.topLevelItem(i))[1] for i in range(self.tree.topLevelItemCount())
        ]  # type: ignore[index]
        target_item = self.tree.find((target_kind, target_id))
        if kind == "goal":
            if target_kind == "action":
                target_id = self.tree.key_of(target_item.parent())[1]  # type: ignore[union-attr,index]
            order = [g for g in goal_ids if g != item_id]
            index = order.index(target_id) + (0 if where == ABOVE else 1)
            order.insert(index, item_id)
            self._run(lambda s: goals_service.set_goal_order(s, version_id, order), (kind, item_id))
            return
        if target_kind == "goal":
            goal_id, position = target_id, None  # to the end of that goal's actions
        else:
            parent = target_item.parent()  # type: ignore[union-attr]
            goal_id = self.tree.key_of(parent)[1]  # type: ignore[index]
            siblings = [
                self.tree.key_of(parent.child(j))[1]  # type: ignore[index]
                for j in range(parent.childCount())
                if self.tree.key_of(parent.child(j)) != ("action", item_id)
            ]
            position = siblings.index(target_id) + (0 if where == ABOVE else 1)
        self._run(
            lambda s: actions_service.move_action_to_goal(s, item_id, goal_id, position), ("action", item_id)
        )

    def delete_selected(self) -> None:
        item = self.tree.currentItem()
        key = self.tree.key_of(item)
        if key is None or not self.editable():
            return
        if key[0] == "goal":
            text = (
                self.tr(
                    "The goal “%1” will be deleted with its %2 actions, their indicators and evaluations."
                )
                .replace("%1", item.text(0))
                .replace("%2", str(item.childCount()))
            )
        else:
            text = self.tr(
                "The action “%1” will be deleted with its years, indicators and evaluations."
            ).replace("%1", item.text(0))
        answer = QMessageBox.question(self, self.tr("Delete"), text)
        if answer != QMessageBox.StandardButton.Yes:
            return
        parent = item.parent()
        after = self.tree.key_of(parent) if parent is not None else None
        if key[0] == "goal":
            self._run(lambda s: goals_service.delete_goal(s, key[1]), after)
        else:
            self._run(lambda s: actions_service.delete_action(s, key[1]), after)

    # --- the plan itself ------------------------------------------------------------------------
    def edit_plan(self) -> None:
        from nagato_desk.gui.plan_dialogs import PlanDialog

        if not self.editable() or self.view is None:
            return
        dialog = PlanDialog(self.db, self.date_style, self.view.plan_id, self.lang, self)
        if dialog.exec():
            self.revised.emit(self.view.version_id)  # the page reads the title and period again

    def revise(self) -> None:
        from nagato_desk.gui.plan_dialogs import RevisionDialog

        if not self.editable() or self.view is None:
            return
        dialog = RevisionDialog(self.date_style, self.lang, self)
        if not dialog.exec() or dialog.on is None:
            return
        number = self.view.version_number
        text = (
            self.tr(
                "Version %2 will be made from version %1. From then on only version %2 can be changed; "
                "version %1 stays as it is and can be read."
            )
            .replace("%1", str(number))
            .replace("%2", str(number + 1))
        )
        if QMessageBox.question(self, self.tr("Mid-term revision"), text) != QMessageBox.StandardButton.Yes:
            return
        plan_id, on, note = self.view.plan_id, dialog.on, dialog.note
        try:
            with self.db.session() as session:
                new_id = plans_service.revise_plan(session, plan_id, on, note).id
        except NagatoError as exc:
            show_error(self, exc, self.lang)
            return
        self.revised.emit(new_id)

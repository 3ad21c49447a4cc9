"""SQLAlchemy mapped classes. Importing this package registers every table on ``Base.metadata``."""

from nagato_desk.models.base import Base
from nagato_desk.models.council import AssociationFigure, Council, NeighbourhoodAssociation

__all__ = ["AssociationFigure", "Base", "Council", "NeighbourhoodAssociation"]

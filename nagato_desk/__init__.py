"""Nagato Desk: records and documents for community council secretariats (地域づくり協議会 事務局)."""

__version__ = "0.1.0"
APP_NAME = "nagato-desk"


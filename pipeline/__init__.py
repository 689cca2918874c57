"""boardpapers: board papers of public bodies into analysis-ready tables."""

__version__ = "0.1.0"

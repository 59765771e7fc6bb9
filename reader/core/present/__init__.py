"""What is shown or saved: markdown + mentions → sanitised HTML, entity marks, exports, and the
chronology of dated events.
"""

from reader.core.present.chronology import Event, EventGroup

__all__ = ["Event", "EventGroup"]

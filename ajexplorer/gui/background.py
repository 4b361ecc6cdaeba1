"""Work the window needs soon but not at once, done on a worker thread so the window keeps answering."""

from __future__ import annotations

import datetime as dt
import threading

from PySide6.QtCore import QObject, Signal

from ajexplorer.domain.model import Dataset
from ajexplorer.domain.search import SearchIndex


class IndexBuilder(QObject):
    """Builds (or reads from the dataset's cache) the search index on a worker thread.

    Signals:
    built(object): the SearchIndex, delivered on the GUI thread.
    """

    built = Signal(object)

    def __init__(self, dataset: Dataset, today: dt.date | None) -> None:
        super().__init__()
        self._dataset = dataset
        self._today = today
        self._index: SearchIndex | None = None
        self._crash: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="search-index", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def wait(self) -> SearchIndex:
        """The index, waiting for the worker if it is not done yet (a search typed before it finished)."""
        self._thread.join()
        if self._crash is not None:
            raise self._crash
        assert self._index is not None
        return self._index

    def _run(self) -> None:
        """On the worker thread."""
        try:
            self._index = SearchIndex.from_dataset(self._dataset, self._today)
        except Exception as error:  # noqa: BLE001 - raised on the GUI thread by wait()
            self._crash = error
            return
        self.built.emit(self._index)

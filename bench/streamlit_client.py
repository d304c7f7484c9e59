"""A browser session without the browser: Streamlit's own websocket protocol, spoken from asyncio.

It does what the app's web page does for the server: asks for a page, presses a button (a trigger
in the widget states), and reruns a ``run_every`` fragment on the interval the server asks for.
It keeps what a student would see and a benchmark needs: when each page finished drawing, the
alerts, the exceptions, and when the first loss point reached the chart.

Forty of these cost the server what forty browsers cost it, while the machine under test does not
also have to paint forty Chromium tabs: in a classroom each student's browser paints on its own laptop.
"""

from __future__ import annotations

import asyncio
import base64
import json
import socket
import time
from dataclasses import dataclass, field

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import ClientConnection, connect

# Bytes per value of the typed arrays plotly sends base64-encoded ({dtype, bdata}).
_DTYPE_SIZES = {"f8": 8, "f4": 4, "i8": 8, "u8": 8, "i4": 4, "u4": 4, "i2": 2, "u2": 2, "i1": 1, "u1": 1}
_ALERT_LEVELS = {1: "error", 2: "warning", 3: "info", 4: "success"}


def plotted_points(spec: str) -> int:
    """How many y values the plotly figure ``spec`` (its JSON) draws over all its traces."""
    total = 0
    for trace in json.loads(spec).get("data", []):
        values = trace.get("y")
        if isinstance(values, dict) and "bdata" in values:
            total += len(base64.b64decode(values["bdata"])) // _DTYPE_SIZES[values["dtype"]]
        elif isinstance(values, list):
            total += len(values)
    return total


@dataclass
class Alert:
    at: float  # time.monotonic()
    level: str  # error, warning, info or success
    body: str


@dataclass
class SessionLog:
    """What one session saw, for the benchmark's report."""

    alerts: list[Alert] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)
    refresh_seconds: list[float] = field(default_factory=list)  # a fragment timer's request → redrawn
    first_points: dict[str, float] = field(default_factory=dict)  # a chart's user key → when it first had a point


class StreamlitSession:
    """One app session over one websocket; ``open`` it, then ``visit`` pages and ``click`` buttons."""

    def __init__(self, url: str, query: str = "") -> None:
        self.stream_url = url.replace("http", "ws", 1).rstrip("/") + "/_stcore/stream"
        self.query = query
        self.log = SessionLog()
        self._socket: ClientConnection | None = None
        self._reader: asyncio.Task | None = None
        self._pages: dict[str, str] = {}  # URL path → page script hash
        self._page_hash = ""
        self._widgets: dict[str, str] = {}  # a widget's user key → its id
        self._run_done: asyncio.Future | None = None
        self._full_run_has_timer = False  # the full run under way drew a refreshing fragment
        self._live = False  # so did the last full run that finished
        self._timers: dict[str, asyncio.Task] = {}  # fragment id → its rerun loop
        self._refresh_requested_at: float | None = None

    # What the page does

    async def open(self) -> float:
        """Connect and draw the first page; seconds until it was drawn whole."""
        self._socket = await connect(self.stream_url, subprotocols=["streamlit"], max_size=None, open_timeout=60)
        # As browsers do: without it, each small request can wait out TCP's delayed acknowledgement (40 ms).
        self._socket.transport.get_extra_info("socket").setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._reader = asyncio.create_task(self._read())
        return await self._rerun()

    async def visit(self, path: str) -> float:
        """Go to the page at URL ``path`` ("" is home); seconds until it was drawn whole."""
        self._page_hash = self._pages[path]
        return await self._rerun(page_name=path)

    async def click(self, key: str) -> float:
        """Press the button with user key ``key`` on the current page; seconds until the page was redrawn."""
        return await self._rerun(trigger=self._widgets[key])

    @property
    def run_is_live(self) -> bool:
        """Whether the last full run drew a refreshing fragment (the Train page's live panel)."""
        return self._live

    async def close(self) -> None:
        for timer in self._timers.values():
            timer.cancel()
        if self._socket is not None:
            await self._socket.close()
        if self._reader is not None:
            await asyncio.gather(self._reader, return_exceptions=True)

    # The protocol

    async def _rerun(self, page_name: str = "", trigger: str | None = None) -> float:
        message = BackMsg()
        state = message.rerun_script
        state.query_string, state.page_script_hash, state.page_name = self.query, self._page_hash, page_name
        if trigger is not None:
            state.widget_states.widgets.add(id=trigger, trigger_value=True)
        self._run_done = asyncio.get_running_loop().create_future()
        started = time.monotonic()
        await self._socket.send(message.SerializeToString())
        await self._run_done
        return time.monotonic() - started

    async def _rerun_fragment(self, fragment_id: str, interval: float) -> None:
        """What the browser's timer does for a ``run_every`` fragment: ask again every ``interval``."""
        while True:
            await asyncio.sleep(interval)
            message = BackMsg()
            state = message.rerun_script
            state.query_string, state.page_script_hash = self.query, self._page_hash
            state.fragment_id, state.is_auto_rerun = fragment_id, True
            if self._refresh_requested_at is None:
                self._refresh_requested_at = time.monotonic()
            await self._socket.send(message.SerializeToString())

    async def _read(self) -> None:
        async for raw in self._socket:
            message = ForwardMsg()
            message.ParseFromString(raw)
            self._handle(message)

    def _handle(self, message: ForwardMsg) -> None:
        kind = message.WhichOneof("type")
        if kind == "new_session" and not message.metadata.run.fragment_ids:  # a fragment's run redraws only it
            self._start_full_run()
        elif kind == "navigation":
            self._pages = {page.url_pathname: page.page_script_hash for page in message.navigation.app_pages}
            self._page_hash = message.navigation.page_script_hash  # the page this run drew
        elif kind == "delta" and message.delta.WhichOneof("type") == "new_element":
            self._element(message.delta.new_element)
        elif kind == "auto_rerun":
            self._full_run_has_timer = True
            fragment_id, interval = message.auto_rerun.fragment_id, message.auto_rerun.interval
            if fragment_id in self._timers:
                self._timers[fragment_id].cancel()
            self._timers[fragment_id] = asyncio.create_task(self._rerun_fragment(fragment_id, interval))
        elif kind == "stop_auto_rerun":
            for fragment_id in message.stop_auto_rerun.fragment_ids:
                timer = self._timers.pop(fragment_id, None)
                if timer is not None:
                    timer.cancel()
        elif kind == "script_finished":
            self._finished(message.script_finished)

    def _start_full_run(self) -> None:
        """A full run redraws the page: the old page's timers go, as in the browser."""
        for timer in self._timers.values():
            timer.cancel()
        self._timers.clear()
        self._full_run_has_timer = False
        self._refresh_requested_at = None

    def _finished(self, status: int) -> None:
        if status == ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY:
            if self._refresh_requested_at is not None:
                self.log.refresh_seconds.append(time.monotonic() - self._refresh_requested_at)
                self._refresh_requested_at = None
        elif status in (ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_WITH_COMPILE_ERROR):
            self._live = self._full_run_has_timer
            if self._run_done is not None and not self._run_done.done():
                self._run_done.set_result(status)

    def _element(self, element) -> None:
        kind = element.WhichOneof("type")
        if kind == "alert":
            self.log.alerts.append(Alert(time.monotonic(), _ALERT_LEVELS.get(element.alert.format, "info"),
                                         element.alert.body))
        elif kind == "exception":
            self.log.exceptions.append(f"{element.exception.type}: {element.exception.message}")
        key = _user_key(getattr(getattr(element, kind, None), "id", ""))
        if key is None:
            return
        self._widgets[key] = getattr(element, kind).id
        if kind == "plotly_chart" and key not in self.log.first_points and plotted_points(element.plotly_chart.spec):
            self.log.first_points[key] = time.monotonic()


def _user_key(element_id: str) -> str | None:
    """The ``key=`` an element was given, from its id ("$$ID-<hash>-<key>"); None without one."""
    parts = element_id.split("-", 2)
    return parts[2] if len(parts) == 3 and parts[0] == "$$ID" and parts[2] != "None" else None

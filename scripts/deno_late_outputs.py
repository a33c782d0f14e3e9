"""nbconvert preprocessor for executing notebooks on Deno's Jupyter kernel.

Deno's kernel (checked with Deno 2.9.6) sometimes publishes a cell's `execute_result` on IOPub
*after* the cell's `status: idle`. nbclient stops listening at that idle, so the result is lost:
with `jupyter nbconvert --execute` on docs/notebooks/quickstart.ipynb about half the runs lost one
of the six results, and a jupyter_client probe showed the late message carrying the finished
cell's parent header. This preprocessor is nbclient's ExecutePreprocessor that, after the idle,
keeps collecting messages of the same cell for `late_output_grace` seconds.

Used by scripts/notebook-test.mjs:
  PYTHONPATH=scripts jupyter nbconvert --to notebook \
    --NotebookExporter.preprocessors=deno_late_outputs.LateOutputExecutePreprocessor ...
"""
import asyncio
import time
from queue import Empty

from nbclient.exceptions import CellExecutionComplete
from nbclient.util import ensure_async
from nbconvert.preprocessors import ExecutePreprocessor
from traitlets import Bool, Float


class LateOutputExecutePreprocessor(ExecutePreprocessor):
    enabled = Bool(True).tag(config=True)
    late_output_grace = Float(0.5, help="Seconds to wait for a cell's outputs after its idle status").tag(config=True)

    async def _async_poll_output_msg(self, parent_msg_id, cell, cell_index):
        await super()._async_poll_output_msg(parent_msg_id, cell, cell_index)
        deadline = time.monotonic() + self.late_output_grace
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return
            try:
                msg = await ensure_async(self.kc.iopub_channel.get_msg(timeout=remaining))
            except (Empty, asyncio.TimeoutError):
                return
            if msg["parent_header"].get("msg_id") != parent_msg_id:
                continue
            if msg["msg_type"] == "execute_result":
                self.log.info("late execute_result of cell %s collected", cell_index)
            try:
                self.process_message(msg, cell, cell_index)
            except CellExecutionComplete:
                pass

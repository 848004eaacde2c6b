"""A real OpenAI-speaking HTTP server for tests: records every byte it
receives and echoes the last user message back (streamed in small chunks)."""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Recorder:
    def __init__(self):
        self.bodies: list[bytes] = []
        self.fail = False  # answer 500 to exercise fallbacks


def serve(rec: Recorder) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *a):
            pass

        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("content-length", 0)))
            rec.bodies.append(self.requestline.encode() + bytes(self.headers) + body)
            if rec.fail:
                self.send_response(500)
                self.end_headers()
                self.wfile.write(b'{"error": {"message": "boom"}}')
                return
            req = json.loads(body)
            text = "You said: " + req["messages"][-1]["content"]
            self.send_response(200)
            self.send_header("content-type", "text/event-stream")
            self.end_headers()
            pieces = [text[i:i + 3] for i in range(0, len(text), 3)]  # split placeholders across chunks
            for p in pieces:
                self._send({"choices": [{"index": 0, "delta": {"content": p}, "finish_reason": None}]})
            if req.get("tools"):
                args = json.dumps({"to": text[10:]})
                for i in range(0, len(args), 4):
                    self._send({"choices": [{"index": 0, "delta": {"tool_calls": [
                        {"index": 0, "id": "call_1" if i == 0 else None, "type": "function",
                         "function": {"name": "send" if i == 0 else None, "arguments": args[i:i + 4]}}]},
                        "finish_reason": None}]})
            self._send({"choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
            self._send({"choices": [], "usage": {"prompt_tokens": 7, "completion_tokens": len(pieces)}})
            self.wfile.write(b"data: [DONE]\n\n")

        def _send(self, obj):
            self.wfile.write(f"data: {json.dumps(obj)}\n\n".encode())
            self.wfile.flush()

    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv

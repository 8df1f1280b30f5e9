#!/usr/bin/python3
"""A real SMTP server on 127.0.0.1 for the delivery tests (Debian's python3-aiosmtpd).

Usage: smtp_sink.py PORT OUTDIR. Each message that arrives is parsed as a mail client would and
written to OUTDIR/N.json: envelope, decoded subject, the HTML body and each attachment's name and
text. Prints "ready" once it accepts connections; stops on SIGTERM.
"""
import asyncio
import email
import email.policy
import json
import signal
import sys
from pathlib import Path

from aiosmtpd.controller import Controller


class JsonSink:
    def __init__(self, folder: Path):
        self.folder = folder
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        html = message.get_body(preferencelist=("html",))
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "from": str(message["From"]),
            "to": str(message["To"]),
            "subject": str(message["Subject"]),
            "html": html.get_content() if html is not None else "",
            "attachments": [
                {"file_name": part.get_filename(), "type": part.get_content_type(),
                 "content": part.get_payload(decode=True).decode("utf-8")}
                for part in message.iter_attachments()
            ],
        }
        self.count += 1
        target = self.folder / f"{self.count}.json"
        partial = target.with_suffix(".part")
        partial.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        partial.rename(target)
        return "250 Message accepted for delivery"


def main() -> None:
    port, folder = int(sys.argv[1]), Path(sys.argv[2])
    folder.mkdir(parents=True, exist_ok=True)
    controller = Controller(JsonSink(folder), hostname="127.0.0.1", port=port)
    controller.start()
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    sys.stdout.close()  # the test stops reading once it has the line
    stop = asyncio.Event()
    loop = asyncio.new_event_loop()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.add_signal_handler(signal.SIGINT, stop.set)
    loop.run_until_complete(stop.wait())
    controller.stop()


if __name__ == "__main__":
    main()

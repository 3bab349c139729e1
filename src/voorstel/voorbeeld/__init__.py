"""The preview in the browser (`voorstel serve`): the top layer beneath the command line.

- `bouwer`: every document of a folder built as HTML into a preview folder by the batch
  machinery (only what a change touches, by the build state), with each document's status,
  problems (with the lines they are on) and versions; downloads built on demand the same way.
- `paginas`: the pages, in Dutch: the index and a document with its versions.
- `server`: the web server (Starlette on uvicorn), the file watcher (watchfiles) and the
  server-sent events that make an open page reload itself.
"""

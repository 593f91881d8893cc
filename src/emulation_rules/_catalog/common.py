"""Messages every output uses: an issue as a line, and the hints most issues share."""

from __future__ import annotations

from . import M

MESSAGES = (
    M("literal", "{text}", "{text}",
      "a text shown as it is in every language (a name, a value already worded)"),
    # an issue as one line: file:line:col: $.path: error[code] message (hint)
    M("issue.error", "lỗi", "error", "the severity of an issue that stops a row or a plan"),
    M("issue.warning", "cảnh báo", "warning", "the severity of an issue that stops nothing"),
    M("issue.column", "cột {column}", "column {column}", "where in a table's row: its column"),
    M("issue.and-more", " (và {count} lỗi khác)", " (and {count} more)",
      "after the first of several issues"),
    # why a file cannot be read (errors.os_reason); English: the system's own words
    M("os.permission", "không có quyền đọc tệp", "Permission denied"),
    M("os.folder", "đây là một thư mục, không phải tệp", "Is a directory"),
    M("os.missing", "không có tệp hoặc thư mục này", "No such file or directory"),
    M("hint.did-you-mean", "có phải là '{word}'?", "did you mean '{word}'?"),
)

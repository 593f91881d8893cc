"""Messages of plan files: YAML syntax and shape, the model's checks, the plan's semantics."""

from __future__ import annotations

from . import Entry, M

MESSAGES: tuple[Entry, ...] = (
    # ----- YAML (_yaml) -----
    M("yaml.alias", "không được dùng bí danh YAML (*tên) trong tệp kế hoạch",
      "aliases (*name) are not allowed in plan files"),
    M("yaml.anchor", "không được dùng neo YAML (&tên) trong tệp kế hoạch",
      "anchors (&name) are not allowed in plan files"),
    M("yaml.too-deep", "lồng nhau sâu hơn {limit} mức", "nesting deeper than {limit} levels"),
    M("yaml.tag", "không được dùng thẻ '{tag}'", "tag '{tag}' is not allowed"),
    M("yaml.tag.hint", "viết giá trị thông thường; chỉ nhận các kiểu cơ bản của YAML",
      "write plain values; only the YAML core types are accepted"),
    M("yaml.key", "khóa của ánh xạ phải là văn bản thông thường",
      "mapping keys must be plain text"),
    M("yaml.merge-key", "không được dùng khóa gộp (<<)", "merge keys (<<) are not allowed"),
    M("yaml.merge-key.hint", "dùng 'extends:' để kế thừa một kế hoạch khác",
      "use 'extends:' to reuse another plan"),
    M("yaml.duplicate-key",
      "khóa '{key}' xuất hiện hai lần trong cùng một ánh xạ (lần đầu ở dòng {line})",
      "key '{key}' appears twice in the same mapping (first on line {line})"),
    M("yaml.duplicate-key.hint", "xóa một trong hai; YAML sẽ âm thầm chỉ giữ giá trị sau cùng",
      "remove one of them; YAML would silently keep only the last"),
    M("yaml.long-integer", "số nguyên có {digits} chữ số", "integer of {digits} digits"),
    M("yaml.long-number", "số quá dài", "number too long"),
    M("yaml.too-large", "tệp lớn hơn {limit} byte", "file is larger than {limit} bytes"),
    M("yaml.not-utf8", "tệp không phải văn bản UTF-8", "file is not UTF-8 text"),
    M("yaml.not-utf8.hint", "lưu tệp dưới dạng UTF-8", "save the file as UTF-8"),
    M("yaml.syntax", "lỗi cú pháp YAML: {problem}", "{problem}",
      "problem: PyYAML's own words, in English"),
    M("yaml.syntax-unknown", "lỗi cú pháp YAML", "YAML syntax error"),
    M("yaml.unreadable", "không đọc được YAML: {problem}", "cannot read YAML: {problem}"),
    M("yaml.empty", "tệp không có tài liệu YAML nào", "the file holds no YAML document"),
)

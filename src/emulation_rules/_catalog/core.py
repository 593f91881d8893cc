"""Messages of the core area: the timeline, the evaluation, the awards (see the package
docstring)."""

from __future__ import annotations

from . import Entry, M

_PLAN = "plan: the plan's id, quoted ('bac_giang')"
_DATES = "dates: Vietnamese dd/mm/yyyy, English as ISO (2025-05-19)"

MESSAGES: tuple[Entry, ...] = (
    # ----- the timeline (timelines): why a plan cannot be laid out -----
    M("timeline.issue-date-needed",
      "kế hoạch {plan} bắt đầu từ ngày ban hành, mà văn bản để trống ngày này: hãy ghi ngày "
      "ban hành bằng --issued YYYY-MM-DD (trong Python: issued=date(...))",
      "plan {plan} starts on its issue date, which the document leaves blank: give it with "
      "--issued YYYY-MM-DD (in Python: issued=date(...))", _PLAN),
    M("timeline.issued-before-basis",
      "ngày ban hành {issued:%d/%m/%Y} trước ngày {earliest:%d/%m/%Y} của văn bản {number}, "
      "là văn bản mà kế hoạch {plan} căn cứ vào",
      "issue date {issued} is before {number} of {earliest}, which plan {plan} is based on",
      "number: the number of the document the plan implements (3238/KH-UBND); " + _DATES),
    M("timeline.issued-after-first-phase",
      "ngày ban hành {issued:%d/%m/%Y} sau ngày kết thúc đợt đầu ({end:%d/%m/%Y}) của kế "
      "hoạch {plan}",
      "issue date {issued} is after the end of the first phase ({end}) of plan {plan}", _DATES),
    M("timeline.template",
      "{plan} là kế hoạch mẫu: chỉ để các kế hoạch khác kế thừa (extends), không tự lập lịch "
      "hay đánh giá được",
      "{plan} is a template: it is extended by plans, never laid out or evaluated on its own",
      _PLAN),
    M("timeline.no-campaign", "kế hoạch {plan} không có phong trào (campaign)",
      "plan {plan} has no campaign", _PLAN),
    M("timeline.date-out-of-range",
      "{what} {day:%d/%m/%Y} nằm ngoài khoảng ngày mà công cụ này lập lịch được (từ "
      "{first:%d/%m/%Y} đến {last:%d/%m/%Y})",
      "the {what} {day} is outside the dates this tool lays out ({first} to {last})",
      "what: one of the timeline.date.* entries; " + _DATES),
    M("timeline.date.issued", "ngày ban hành", "issue date",
      "in timeline.date-out-of-range"),
    M("timeline.date.as-of", "ngày xét (--as-of)", "as-of date",
      "in timeline.date-out-of-range"),
    M("timeline.date.until", "mốc --until", "--until", "in timeline.date-out-of-range"),
    M("timeline.date.campaign-start", "ngày bắt đầu phong trào", "campaign start",
      "in timeline.date-out-of-range"),
    M("timeline.date.campaign-end", "ngày kết thúc phong trào", "campaign end",
      "in timeline.date-out-of-range"),
    M("timeline.date.phase-end", "ngày kết thúc của {phase}", "end of {phase}",
      "in timeline.date-out-of-range; phase: a phase's id (phase_1)"),
    M("timeline.until-before-start",
      "--until {until:%d/%m/%Y} trước ngày phong trào bắt đầu ({start:%d/%m/%Y})",
      "--until {until} is before the movement starts ({start})", _DATES),
    M("timeline.campaign-too-long",
      "phong trào của kế hoạch {plan} kéo dài từ {start:%d/%m/%Y} đến {end:%d/%m/%Y}: dài hơn "
      "{years} năm, là thời gian tối đa công cụ này lập lịch cho một phong trào có ngày kết "
      "thúc",
      "the campaign of {plan} runs from {start} to {end}: longer than the {years} years this "
      "tool lays out for a campaign with an end date", _DATES),
    M("timeline.too-many-deadlines",
      "các hạn báo cáo của kế hoạch {plan} đến hạn hơn {limit} lần tính đến {horizon:%d/%m/%Y} "
      "(hạn định kỳ tính mỗi tháng hoặc mỗi năm một lần): nhiều hơn mức công cụ này lập lịch "
      "được; hãy ghi --until sớm hơn",
      "the deadlines of {plan} fall due more than {limit} times up to {horizon} (recurring "
      "ones once a month or a year): more than this tool lays out; use an earlier --until",
      "limit: a number, written without a thousands separator; " + _DATES),
    # ----- the timeline: its notes and warnings -----
    M("timeline.open-ended",
      "phong trào không có ngày kết thúc: lịch được lập đến {until:%d/%m/%Y}, hết giai đoạn "
      "hiện tại (ghi --until để chọn mốc khác)",
      "open-ended movement: laid out until {until}, the end of the current review stage (use "
      "--until for another horizon)", _DATES),
    M("timeline.issued-before-campaign",
      "ngày ban hành {issued:%d/%m/%Y} trước ngày phong trào bắt đầu ({start:%d/%m/%Y})",
      "the issue date {issued} is before the campaign starts ({start})", _DATES),
    M("timeline.issued-after-deadline",
      "ngày ban hành {issued:%d/%m/%Y} sau hạn {deadline} ({due:%d/%m/%Y}): nếu ban hành vào "
      "ngày đó thì không thể thực hiện kế hoạch đúng hạn",
      "the issue date {issued} is after {deadline}, due {due}: the plan cannot be met on time "
      "if it was issued then", "deadline: a deadline's id, quoted; " + _DATES),
    M("timeline.warning", "cảnh báo: {text}", "warning: {text}",
      "a warning of the timeline, as its outputs show it"),
    M("timeline.note", "lưu ý: {text}", "note: {text}",
      "a note of the timeline, as its text output shows it"),

    # ----- the evaluation (evaluation): plans that cannot be evaluated -----
    M("eval.template", "{plan} là kế hoạch mẫu: hãy đánh giá một kế hoạch kế thừa nó",
      "{plan} is a template: evaluate a plan that extends it", _PLAN),
    M("eval.no-window", "kế hoạch {plan} không có kỳ đánh giá nào",
      "plan {plan} has no window to evaluate", _PLAN),
    M("eval.too-large",
      "kế hoạch {plan}, lập lịch đến {as_of:%d/%m/%Y}, cần {decisions} lần xác định kết quả "
      "cho mỗi đơn vị ({targets} chỉ tiêu và điều kiện khen thưởng trên {windows} kỳ đánh giá, "
      "chỉ tiêu theo tháng tính mỗi tháng một lần): nhiều hơn mức {limit} lần mà công cụ này "
      "thực hiện cho mỗi đơn vị; hãy đánh giá với --as-of sớm hơn, hoặc dùng kế hoạch có ít "
      "đợt, ít chỉ tiêu hay ít chỉ tiêu theo tháng hơn",
      "plan {plan} as laid out to {as_of} asks for {decisions} decisions per unit ({targets} "
      "targets and award conditions over {windows} windows, a per-month target once a month): "
      "more than the {limit} this tool makes per unit; evaluate an earlier --as-of, or a plan "
      "with fewer phases, targets or per-month targets",
      "numbers written without a thousands separator; " + _DATES),
    # ----- the evaluation: rows rejected -----
    M("eval.no-unit", "dòng không có giá trị ở cột 'unit'", "row has no 'unit'"),
    M("eval.invalid-period",
      "kỳ '{period}' không phải một tháng (2025-03), một khoảng tối đa 12 tháng "
      "(2024-10..2024-12) hay một năm (2026)",
      "period '{period}' is not a month (2025-03), a span of up to 12 months "
      "(2024-10..2024-12) or a year (2026)"),
    M("eval.not-yes-no", "{column} = '{value}' không phải giá trị có / không",
      "{column} = '{value}' is not yes or no (có / không)",
      "column: an attestation's column; value: the cell as written"),
    M("eval.not-a-count", "{column} = '{value}' không phải số nguyên từ 0 trở lên",
      "{column} = '{value}' is not a whole number of 0 or more",
      "column: a metric's column; value: the cell as written"),
    M("eval.part-above-whole", "{part} = {part_value} lớn hơn {whole} = {whole_value}",
      "{part} = {part_value} is more than {whole} = {whole_value}",
      "part, whole: the columns of a ratio's numerator and denominator"),
    M("eval.part-above-whole.hint", "phần không thể lớn hơn tổng: hãy sửa số liệu gốc",
      "a part cannot exceed its whole; fix the source data"),
    M("eval.unknown-unit", "đơn vị '{unit}' không có trong tệp đơn vị",
      "unit '{unit}' is not in the units file"),
    M("eval.look-alike-unit",
      "trông giống đơn vị '{unit}' nhưng khác ở chữ hoa/chữ thường, ở một chữ cái trông giống "
      "nhau hoặc ở một ký tự không nhìn thấy",
      "it looks like unit '{unit}' but differs by case, a look-alike letter or an invisible "
      "character", "the hint of an unknown unit"),
    M("eval.duplicate-row",
      "đơn vị '{unit}' có hai dòng cho kỳ {period} (dòng {first_row} và {row})",
      "unit '{unit}' has two rows for {period} (rows {first_row} and {row})"),
    M("eval.duplicate-row.files", "đơn vị '{unit}' có hai dòng cho kỳ {period} (dòng {where})",
      "unit '{unit}' has two rows for {period} (row {where})",
      "where: eval.row-of-file or eval.row-of-file.and-row"),
    M("eval.duplicate-row.hint",
      "các dòng không bao giờ được cộng dồn: hãy giữ lại một dòng",
      "rows are never summed: keep one"),
    M("eval.overlapping-periods",
      "đơn vị '{unit}': kỳ {period} trùng với kỳ {first_period} của dòng {where}",
      "unit '{unit}': period {period} overlaps {first_period} of row {where}",
      "where: a row's number, eval.row-of-file or eval.row-of-file.and-row"),
    M("eval.overlapping-periods.hint",
      "mỗi tháng chỉ được tính ở một dòng: giữ các dòng theo tháng hoặc dòng cho cả khoảng, "
      "không giữ cả hai",
      "a month is counted in one row only: keep the monthly rows or the longer period, not "
      "both"),
    M("eval.row-of-file", "{row} của tệp {file}", "{row} of {file}",
      "after 'row' (dòng) in eval.duplicate-row.files and eval.overlapping-periods"),
    M("eval.row-of-file.and-row", "{row} của tệp {file} và dòng {other_row} của tệp {other_file}",
      "{row} of {file} and row {other_row} of {other_file}",
      "after 'row' (dòng) in eval.duplicate-row.files and eval.overlapping-periods"),
    M("eval.unknown-window",
      "'{window}' không phải kỳ đánh giá của kế hoạch {plan} theo lịch đã lập (các kỳ đánh "
      "giá: {windows}; để trống cho cả phong trào)",
      "window '{window}' is not a window of plan {plan} as laid out (windows: {windows}; "
      "blank for the whole campaign)", "windows: their ids, joined by ', '; " + _PLAN),
    M("eval.period-not-evaluated",
      "kỳ {period} (đơn vị '{unit}') {why}: không được đánh giá (kế hoạch {plan}, ngày xét "
      "{as_of:%d/%m/%Y})",
      "period {period} (unit '{unit}') {why}: not evaluated (plan {plan}, as of {as_of})",
      "why: one of the results.reason.* entries; " + _DATES),
    M("eval.period-not-evaluated.more",
      "kỳ {period} (đơn vị '{unit}' và {more} dòng khác của kỳ đó) {why}: không được đánh "
      "giá (kế hoạch {plan}, ngày xét {as_of:%d/%m/%Y})",
      "period {period} (unit '{unit}' and {more} more row(s) for that period) {why}: not "
      "evaluated (plan {plan}, as of {as_of})",
      "more: how many other rows; why: one of the results.reason.* entries; " + _DATES),
    # ----- the evaluation: warnings -----
    M("eval.unknown-column", "cột '{column}' không phải một chỉ số: bị bỏ qua",
      "column '{column}' is not a metric; ignored"),
    M("eval.missing-column",
      "không dòng nào có {metric}, là số liệu mà {readers} cần đọc: mọi kết quả cần đến số "
      "liệu này đều chưa xác định",
      "no row gives {metric}, which {readers} read(s): every verdict that needs it stays "
      "undecided", "metric: a metric's id, quoted; readers: target ids, joined by ', '"),
    M("eval.count-on-both-levels",
      "{metric} được ghi cả ở dòng của chính xã '{unit}' và ở các dòng của các tổ thuộc xã "
      "({month}; tổng cộng {count} xã-tháng): dùng dòng của xã",
      "{metric} is given on commune '{unit}''s own row and on its teams' rows ({month}; "
      "{count} commune-month(s) in all): the commune's own row is used",
      "metric: a metric's id, quoted; month: YYYY-MM"),
    # ----- comparators (conditions), shown where a target is explained -----
    M("eval.comparator.gt", "trên {threshold}", "more than {threshold}"),
    M("eval.comparator.gte", "từ {threshold} trở lên", "at least {threshold}"),
    M("eval.comparator.eq", "bằng {threshold}", "exactly {threshold}"),
    M("eval.comparator.lte", "không quá {threshold}", "at most {threshold}"),
    M("eval.comparator.lt", "dưới {threshold}", "less than {threshold}"),

    # ----- the results (results): why rows were not evaluated -----
    M("results.reason.no-window", "không thuộc kỳ đánh giá nào của kế hoạch",
      "is in no window of the plan", "said of a period: 'period 2023-05 ...'"),
    M("results.reason.after-as-of", "sau ngày xét", "is after the as-of date",
      "said of a period: 'period 2023-05 ...'"),
    M("results.reason.partly-outside",
      "gồm cả những tháng nằm ngoài mọi kỳ đánh giá lẫn những tháng nằm trong",
      "covers months outside every window as well as months inside",
      "said of a period: 'period 2024-07..2024-09 ...'"),
    M("results.reason.area-sum",
      "gồm nhiều tháng của một đơn vị có số liệu được cộng theo địa bàn (một xã có các tổ, "
      "hoặc một tổ), nơi số liệu được cộng từng tháng một",
      "covers several months of a unit in an area sum (a commune with teams, or a team), where "
      "counts are added month by month", "said of a period: 'period 2024-10..2024-12 ...'"),
    M("results.reason.no-target",
      "là của một đơn vị mà không chỉ tiêu nào của kế hoạch xét đến",
      "is for a unit that no target of the plan reads",
      "said of a period: 'period 2025-03 ...'"),
    M("results.needs-package", "{method}() cần thư viện {package}: pip install {package}",
      "{method}() needs {package}: pip install {package}",
      "method: to_pandas or to_polars; package: pandas or polars"),

    # ----- awards (eligibility) -----
    M("awards.no-review",
      "kế hoạch {plan} (theo kết quả đánh giá) không có lần xét {review}; các lần xét: "
      "{reviews}",
      "no review {review} for plan {plan} as evaluated; reviews: {reviews}",
      "review: as given, quoted; reviews: the ids of the reviews, joined by ', '; " + _PLAN),
    M("awards.none-at.phase-review",
      "kế hoạch {plan} không có hình thức khen thưởng nào được xét khi sơ kết đợt",
      "no award of plan {plan} is given at a phase review", _PLAN),
    M("awards.none-at.final-review",
      "kế hoạch {plan} không có hình thức khen thưởng nào được xét khi tổng kết",
      "no award of plan {plan} is given at a final review", _PLAN),
    M("awards.none-at.yearly-review",
      "kế hoạch {plan} không có hình thức khen thưởng nào được xét khi sơ kết năm",
      "no award of plan {plan} is given at a yearly review", _PLAN),
    M("awards.none-at.stage-review",
      "kế hoạch {plan} không có hình thức khen thưởng nào được xét khi tổng kết giai đoạn",
      "no award of plan {plan} is given at a stage review", _PLAN),
    # what a condition's outcome rests on (ConditionOutcome.explanation)
    M("awards.targets-not-met", "các chỉ tiêu không đạt: {targets}",
      "targets not met: {targets}",
      "targets: 'target (window, window); target (window)'"),
    M("awards.targets-undecided", "các chỉ tiêu chưa xác định: {targets}",
      "targets undecided: {targets}",
      "targets: 'target (window, window); target (window)', or awards.no-data-in-list"),
    M("awards.no-data-in-list", "{before}(không có số liệu) ({windows}){after}",
      "{before}(no data) ({windows}){after}",
      "in a list of targets, the windows with no results: before, after: the other items "
      "with their '; '"),
    M("awards.all-criteria-met", "đạt mọi tiêu chí trong {windows}",
      "every criterion met in {windows}", "windows: window ids, joined by ', '"),
    M("awards.local-default", "{detail} (theo quy tắc mặc định của địa phương)",
      "{detail} (local default rule)"),
    M("awards.attested-yes", "{attestation}: đã xác nhận là có", "{attestation} attested yes"),
    M("awards.attested-no", "{attestation}: đã xác nhận là không", "{attestation} attested no"),
    M("awards.needs-attestation", "cần xác nhận {attestation}",
      "needs an attestation {attestation}"),
    M("awards.no-data-for", "không có số liệu cho {window}", "no data for {window}"),
    M("awards.met-in-months", "{window}: đạt {met} trên {total} tháng",
      "{window}: met in {met} of {total} months"),
    M("awards.met-in-years", "{window}: đạt {met} trên {total} năm",
      "{window}: met in {met} of {total} years"),
    M("awards.observed", "{window}: giá trị ghi nhận {observed}",
      "{window}: observed {observed}",
      "observed: a count, or a share from 0 to 1 (0.85)"),
    M("awards.not-met-in", "{detail}; không đạt trong {periods}",
      "{detail}; not met in {periods}", "periods: months or years, joined by ', '"),
    M("awards.missing-data", "{detail}; không có số liệu cho {periods}",
      "{detail}; no data for {periods}",
      "periods: a month, or 'first..last (how many)'"),
    M("awards.in-metrics", "{attestation} theo số liệu: {detail}",
      "{attestation} in the metrics: {detail}"),
    M("awards.rank", "xếp thứ {rank}/{size} trong khối {bloc} (điểm {score})",
      "rank {rank} of {size} in bloc {bloc} (score {score})"),
    M("awards.leads-whatever",
      "đứng đầu khối {bloc} ({size} đơn vị) dù các kết quả chưa xác định ra sao (điểm ít "
      "nhất {score})",
      "first in bloc {bloc} of {size} whatever is undecided (score at least {score})"),
    M("awards.ranks-above",
      "{unit} xếp trên đơn vị này trong khối {bloc} ({size} đơn vị) dù các kết quả chưa xác "
      "định ra sao",
      "{unit} ranks above it in bloc {bloc} of {size} whatever is undecided"),
    M("awards.lead-depends",
      "việc dẫn đầu khối {bloc} ({size} đơn vị) còn tùy vào các kết quả chưa xác định của "
      "{units} (điểm {low}..{high})",
      "the lead in bloc {bloc} of {size} depends on undecided verdicts of {units} (score "
      "{low}..{high})", "units: unit ids, joined by ', '"),
    M("awards.leads-bloc-attested",
      "leads_bloc được xác nhận (tệp đơn vị không khai báo số đơn vị của khối, hoặc không "
      "phải mọi đơn vị của khối đều có trong số liệu)",
      "leads_bloc attested (the bloc's size is not declared, or not all its units are in the "
      "input)"),
    M("awards.bloc-undeclared",
      "tệp đơn vị không khai báo số đơn vị của khối (bloc_size) hoặc không phải mọi đơn vị "
      "của khối đều có trong số liệu, và không có xác nhận leads_bloc",
      "the units file does not declare the bloc's size (bloc_size) or not all its units are "
      "in the input, and no leads_bloc attestation"),
    M("awards.no-prior-input", "không có tệp khen thưởng đã nhận",
      "no prior-awards input given"),
    M("awards.prior", "{count} {form} của {granted} (cần {needed})",
      "{count} {form} from {granted} (needs {needed})",
      "form: an award form's id (certificate_of_merit); granted: who grants it, or "
      "awards.or"),
    M("awards.or", "{left} hoặc {right}", "{left} or {right}"),

    # ----- award quotas: the plan model's rules on a quota (model.Quota, model.Award) -----
    M("model.quota.source-or-policy",
      "số lượng khen thưởng (quota) cần ghi nguồn (source: mục và trích dẫn của văn bản), "
      "hoặc ghi policy: local kèm lý do (reason) khi số lượng do cấp khen thưởng quyết định",
      "a quota needs its source (the document's section and a quote), or policy: local with "
      "a reason when the granting body decides the number"),
    M("model.quota.no-collective",
      "số lượng khen thưởng (quota) chỉ tính cho tập thể, mà hình thức khen thưởng này không "
      "có tiêu chuẩn nào cho tập thể (recipient: collective)",
      "a quota counts collectives, and this award has no standard for collectives "
      "(recipient: collective)"),
)

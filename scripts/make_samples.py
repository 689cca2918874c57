"""Write the project's sample papers to data/raw/: synthetic board papers in the
layouts of real ones, each as a PDF and as a text rendering.

    python scripts/make_samples.py [--out data/raw]

Every paper is defined once, as a list of blocks (headings, paragraphs,
tables), and rendered twice: to PDF with reportlab (ruled tables) and to the
text form the pipeline reads (markdown headings, tab-separated table rows).
The output is byte-for-byte reproducible.
"""
from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

rl_config.invariant = 1  # no timestamps or random ids: the same bytes every run


@dataclass
class Heading:
    text: str
    level: int = 2


@dataclass
class Para:
    text: str


@dataclass
class Grid:
    rows: list[list[str]]
    ruled: bool = True


class Break:
    """A page break."""


AGENDA_PACK = [
    Heading("Northshire and Dale Joint Committee of Integrated Care Boards", 3),
    Para("14th March 2024 10am – 12pm"),
    Para("Venue: Committee Room 2, Dale House, 1 Market Street, Northtown, NT1 2AB"),
    Heading("Agenda", 2),
    Grid([
        ["Timings", "Item Number", "Item", "Owner", "Action", "Format"],
        ["Standing Items", "", "", "", "", ""],
        ["5 mins", "24301", "Welcome and Introductions", "Ruth Allen", "Information", "Verbal"],
        ["", "24302", "Apologies", "Ruth Allen", "Information", "Verbal"],
        ["5 mins", "24303", "Minutes from the last meeting held on 11th January 2024", "Ruth Allen", "Approval", "Paper"],
        ["", "24304", "Action Matrix Review", "Ruth Allen", "Information", "Paper"],
        ["For Discussion/Recommendations", "", "", "", "", ""],
        ["30 mins", "24305", "Urgent and Emergency Care Winter Review", "Tom Hughes", "Discussion", "Presentation"],
        ["20 mins", "24306", "Financial Position at Month 10", "Priya Shah", "To note", "Paper"],
        ["15 mins", "24307", "Any other Business", "Ruth Allen", "", ""],
    ]),
    Break(),
    Heading("Northshire and Dale Joint Committee Action Matrix", 4),
    Grid([
        ["Ref", "Subject", "Owner", "Update", "Status", "Date", "Complete"],
        ["24-01-03", "Stroke pathway options appraisal to be circulated", "TH", "Draft shared with members", "Open", "Apr-24", ""],
        ["24-01-05", "Workforce plan summary for the public website", "PS", "", "Closed", "Feb-24", "Yes"],
        ["24-01-07", "Review of discharge delays", "RA", "Data requested from providers", "Open", "May-24", ""],
    ]),
    Break(),
    Grid([
        ["Title of Paper", "Financial Position at Month 10", ""],
        ["Date of Meeting", "14th March 2024", ""],
        ["Agenda Item", "24306", ""],
        ["Lead Author", "Priya Shah", ""],
        ["Purpose of the Report", "Please tick as appropriate", ""],
        ["", "For Information", "X"],
        ["", "For Discussion", "X"],
        ["", "For Decision", ""],
        ["Executive Summary", "At month 10 the joint committee forecasts an overspend of £1.2m against its "
                              "allocation, driven by prescribing costs and continuing healthcare.", ""],
        ["Recommendations", "The Committee is asked to note the financial position at month 10.", ""],
        ["Financial Implications", "Yes", ""],
        ["Risk Identified", "The forecast overspend may not be recovered by year end.", ""],
        ["Report Authorised by", "Priya Shah", ""],
    ]),
]

FINANCE_REPORT = [
    Heading("Northshire County Council", 2),
    Heading("Revenue Budget Monitoring 2024-25: Quarter 3", 3),
    Para("Table 1 sets out the forecast outturn for each directorate against its approved budget. "
         "Figures are in £'000; figures in brackets are underspends."),
    Heading("Table 1: Revenue forecast by directorate (£'000)", 4),
    Grid([
        ["Directorate", "Budget 2024-25", "Forecast 2024-25", "Variance"],
        ["Adult Social Care", "412,500", "418,950", "6,450"],
        ["Children's Services", "298,100", "305,200", "7,100"],
        ["Growth and Environment", "176,400", "175,150", "(1,250)"],
        ["Corporate Services", "88,300", "86,900", "(1,400)"],
        ["Total", "975,300", "986,200", "10,900"],
    ]),
    Para("The overspend in Adult Social Care reflects higher demand for residential placements."),
]

MINUTES = [
    Heading("Northshire County Council", 2),
    Heading("Minutes of a meeting of the Cabinet held on Thursday, 18th April 2024, at 2.00 pm", 3),
    Para("PRESENT: Mr J Carter (Chair), Mrs A Begum, Mr P Lowe, Ms K Osei"),
    Heading("12. Apologies", 3),
    Para("Apologies were received from Mr D Fry."),
    Heading("13. Revenue Budget Monitoring 2024-25: Quarter 3", 3),
    Para("The Cabinet Member for Finance introduced the report, which forecast an overspend of £10.9m."),
    Para("RESOLVED that the forecast revenue overspend of £10.9m be noted and directorates be asked "
         "to bring forward recovery plans."),
    Heading("14. Library Service Opening Hours", 3),
    Para("Recommendation: that the Cabinet approve the revised opening hours from 1 June 2024."),
    Para("RESOLVED that the revised opening hours be approved."),
]

PAPERS = {
    "northshire_joint_committee_pack": AGENDA_PACK,
    "northshire_revenue_monitoring_q3": FINANCE_REPORT,
    "northshire_cabinet_minutes_2024-04-18": MINUTES,
}


def to_text(blocks: list) -> str:
    """The text rendering: markdown headings, tab-separated rows, form feeds between pages."""
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Heading):
            out.append(f"{'#' * block.level} **{block.text}**\n")
        elif isinstance(block, Para):
            out.append(block.text + "\n")
        elif isinstance(block, Grid):
            out.append("\n".join("\t".join(row) + "\t" for row in block.rows) + "\n")
        elif isinstance(block, Break):
            out.append("\f")
    return "\n".join(out)


def to_pdf(blocks: list, path: Path) -> None:
    styles = getSampleStyleSheet()
    cell = styles["BodyText"].clone("cell", fontSize=8, leading=10)
    flow: list = []
    for block in blocks:
        if isinstance(block, Heading):
            flow.append(Paragraph(block.text, styles[f"Heading{min(block.level, 4)}"]))
        elif isinstance(block, Para):
            flow.append(Paragraph(block.text, styles["BodyText"]))
        elif isinstance(block, Grid):
            data = [[Paragraph(text, cell) for text in row] for row in block.rows]
            table = Table(data, repeatRows=1)
            if block.ruled:
                table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                                           ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            flow.append(table)
            flow.append(Spacer(1, 4 * mm))
        elif isinstance(block, Break):
            flow.append(PageBreak())
    SimpleDocTemplate(str(path), pagesize=A4, title=path.stem, author="boardpapers samples",
                      leftMargin=18 * mm, rightMargin=18 * mm).build(flow)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "data" / "raw")
    args = parser.parse_args()
    (args.out / "pdf").mkdir(parents=True, exist_ok=True)
    (args.out / "text").mkdir(parents=True, exist_ok=True)
    for name, blocks in PAPERS.items():
        to_pdf(blocks, args.out / "pdf" / f"{name}.pdf")
        (args.out / "text" / f"{name}.txt").write_text(to_text(blocks), encoding="utf-8")
        print(f"wrote {name} (pdf, txt)")


if __name__ == "__main__":
    main()

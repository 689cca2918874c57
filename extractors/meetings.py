"""Meetings: placeholder replaced below."""
from pipeline.extractor import Extractor


class MeetingsExtractor(Extractor):
    name = "meetings"
    produces = ("meetings",)

    def extract(self, doc):
        return {}

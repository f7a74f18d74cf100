#!/usr/bin/env python3
"""Reads an HTML report on stdin and prints what a reader's browser would build of it:
the elements and attributes used, the script and style elements, and for each line of
TEXTS (a file of hostile strings) whether it appears as text, whole, in one text node.
User text that broke out of its text node would add elements or attributes, or be
missing from the text. Used by the e2e case report-html-hostile-structure."""
import sys
from html.parser import HTMLParser


class Collect(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.attributes, self.texts = set(), set(), []
        self.counts = {"script": 0, "style": 0, "iframe": 0, "img": 0}
        self.event_handlers = 0
        self.urls = 0

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        if tag in self.counts:
            self.counts[tag] += 1
        for name, value in attrs:
            self.attributes.add(name)
            if name.startswith("on"):
                self.event_handlers += 1
            if name.startswith("xmlns"):
                continue  # the SVG namespaces
            if name in ("href", "src", "xlink:href", "action") or (value or "").startswith(
                    ("http:", "https:", "javascript:")):
                self.urls += 1

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        self.texts.append(data)

    def handle_comment(self, data):
        self.tags.add("<!-- comment -->")


def main():
    collect = Collect()
    collect.feed(sys.stdin.read())
    collect.close()
    print("elements:", " ".join(sorted(collect.tags)))
    print("attributes:", " ".join(sorted(collect.attributes)))
    for tag, count in sorted(collect.counts.items()):
        print(f"{tag} elements: {count}")
    print("event handler attributes:", collect.event_handlers)
    print("links or URLs in attributes:", collect.urls)
    text = "\n".join(collect.texts)
    with open(sys.argv[1], encoding="utf-8") as expected:
        for line in expected.read().splitlines():
            print("as text:" if line in text else "MISSING:", line)


main()

#!/usr/bin/env python3
"""Reads an e4 workbench's saved model (workspace/.metadata/.plugins/org.eclipse.e4.workbench/
workbench.xmi) and prints the children of one element of the live model, by element id, one a
line: the child's element id, then ' selected' for the container's selected element and ' hidden'
for one not rendered (toBeRendered="false"). The snippets the model keeps (copies of the layout,
e.g. the one Window > Reset Layout restores) are not the live model and are searched only with
--snippets, and then only they.
Usage: workbench-model.py [--snippets] WORKBENCH_XMI ELEMENT_ID
Exit status: 0 printed, 1 no such element in the model searched, 2 unreadable."""
import sys
import xml.etree.ElementTree as ET

XMI_ID = "{http://www.omg.org/XMI}id"


def find(node, element_id):
    for child in node.findall("children"):
        if child.get("elementId") == element_id:
            return child
        found = find(child, element_id)
        if found is not None:
            return found
    return None


def find_in_snippets(root, element_id):
    for snippet in root.findall("snippets"):
        if snippet.get("elementId") == element_id:
            return snippet
        found = find(snippet, element_id)
        if found is not None:
            return found
    return None


def main():
    args = sys.argv[1:]
    snippets = args[:1] == ["--snippets"]
    if snippets:
        args = args[1:]
    if len(args) != 2:
        sys.exit("usage: workbench-model.py [--snippets] WORKBENCH_XMI ELEMENT_ID")
    xmi, element_id = args
    try:
        root = ET.parse(xmi).getroot()
    except (OSError, ET.ParseError) as e:
        print("workbench-model: %s" % e, file=sys.stderr)
        sys.exit(2)
    container = find_in_snippets(root, element_id) if snippets else find(root, element_id)
    if container is None:
        where = "snippets" if snippets else "live model"
        print("workbench-model: no %s in the %s of %s" % (element_id, where, xmi), file=sys.stderr)
        sys.exit(1)
    selected = container.get("selectedElement")
    for child in container.findall("children"):
        line = child.get("elementId") or "(no id)"
        if selected is not None and child.get(XMI_ID) == selected:
            line += " selected"
        if child.get("toBeRendered") == "false":
            line += " hidden"
        print(line)


if __name__ == "__main__":
    main()

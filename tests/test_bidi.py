"""Right-to-left names in the web pages: a list of authors keeps its order on the screen.

In a left-to-right list, two right-to-left names in a row ("דוד כהן, محمد علي") would run
together into one right-to-left stretch and swap places; each name is isolated instead.
"""

from __future__ import annotations

import pytest
from conftest import built_site

# Where each of these strings starts on the screen, in the first list item that holds them all.
LEFT_EDGES = """(names) => {
  const item = [...document.querySelectorAll('.cv-publications li')]
    .find(li => names.every(name => li.textContent.includes(name)));
  const walker = document.createTreeWalker(item, NodeFilter.SHOW_TEXT);
  const edges = {};
  for (let node; (node = walker.nextNode());) {
    for (const name of names) {
      const at = node.data.indexOf(name);
      if (at < 0 || name in edges) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + name.length);
      const boxes = [...range.getClientRects()];
      edges[name] = Math.min(...boxes.map(box => box.left));
    }
  }
  return edges;
}"""


@pytest.fixture(scope="module")
def second_site(tmp_path_factory):
    return built_site(tmp_path_factory, "second-academic")


def test_right_to_left_names_keep_the_order_of_the_author_list(browser, second_site):
    names = ["דוד כהן", "محمد علي", "Zoë Ångström"]  # the order of the entry's author field
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto((second_site.html / "publications.html").as_uri())
    edges = page.evaluate(LEFT_EDGES, names)
    page.close()
    assert sorted(edges, key=edges.get) == names, edges

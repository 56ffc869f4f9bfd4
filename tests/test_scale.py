"""Scale-out on Ray: a real local Ray cluster gives the same records as one process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from parley.cli import cli
from parley.ingest.article import Article
from parley.scale import RayExtractor, ray_available

pytestmark = [
    pytest.mark.ray,
    pytest.mark.skipif(not ray_available(), reason="Ray is not installed: pip install 'parley[ray]'"),
]

ARTICLES = sorted((Path(__file__).parent.parent / "parley" / "samples" / "articles").glob("*.json"))[:6]


@pytest.fixture(scope="module")
def ray_extractor():
    extractor = RayExtractor(workers=2)
    yield extractor
    extractor.close()


def _articles() -> list[Article]:
    out = []
    for path in ARTICLES:
        data = json.loads(path.read_text(encoding="utf-8"))
        out.append(Article.from_text(data["text"], published=data["published"], title=data["title"], origin=str(path)))
    return out


def test_scale_same_records_as_one_process(ray_extractor, extractor) -> None:
    articles = _articles()
    distributed = list(ray_extractor.extract_many(articles, batch_size=4))
    local = list(extractor.extract_many(articles, batch_size=4))
    assert [o.article.id for o in distributed] == [a.id for a in articles]  # input order kept
    assert [o.record.to_dict() for o in distributed] == [o.record.to_dict() for o in local]


def test_scale_bad_worker_count_is_refused() -> None:
    with pytest.raises(Exception, match="at least 1"):
        RayExtractor(workers=0)


def test_scale_cli_ingest_with_workers(tmp_path) -> None:
    db = tmp_path / "parley.db"
    result = CliRunner().invoke(cli, ["ingest", *map(str, ARTICLES[:3]), "--db", str(db), "--workers", "2", "--no-watch"])
    assert result.exit_code == 0, result.output
    listed = CliRunner().invoke(cli, ["articles", "--db", str(db), "--json"])
    assert len(json.loads(listed.stdout)) == 3

from django.core.management import call_command


def test_benchmark_reports_the_same_query_count_at_every_size(db, capsys):
    call_command("programme_benchmark", groessen="10,60", laeufe=2)
    ausgabe = capsys.readouterr().out
    zeilen = [z.split("|") for z in ausgabe.splitlines() if z.count("|") == 3 and "Projekte" not in z]
    je_messung: dict[str, set[int]] = {}
    for groesse, messung, abfragen, median in zeilen:
        je_messung.setdefault(messung.strip(), set()).add(int(abfragen))
        assert float(median.strip()) > 0
    assert len(je_messung) == 4
    assert all(len(zahlen) == 1 for zahlen in je_messung.values()), je_messung
    assert "Alle Testdaten wurden wieder entfernt." in ausgabe

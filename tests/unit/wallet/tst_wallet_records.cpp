// The wallet's records: payment-request URIs format and parse back, and hostile or malformed
// ones are refused with a reason; the history CSV quotes what it must, says the direction from
// the wallet's side and lists a transaction once; the address book keeps unique named, valid
// recipients across reloads and refuses a damaged file.
#include "core/crypto/Address.h"
#include "core/wallet/AddressBook.h"
#include "core/wallet/HistoryCsv.h"
#include "core/wallet/PaymentRequest.h"
#include "tests/support/CsvReader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace pb;
using namespace pb::wallet;

namespace {

QString address(uint8_t fill)
{
    crypto::AddressHash h;
    h.fill(fill);
    return QString::fromStdString(crypto::encodeAddress(h));
}

} // namespace

class WalletRecordsTest : public QObject {
    Q_OBJECT
private slots:
    void paymentRequestsRoundTrip()
    {
        const QList<PaymentRequest> requests{
            {address(1), std::nullopt, {}, {}},
            {address(2), quint64(150000000), "Corner shop", "Order #42 & more: 100% fresh"},
            {address(3), quint64(1), "Ünïcödé ☕", {}},
            {address(4), quint64(12345678901ull * 100000000ull), {}, "a=b?c"},
        };
        for (const PaymentRequest& r : requests) {
            const QString uri = formatPaymentRequest(r);
            QVERIFY(uri.startsWith("photoblocks:" + r.address));
            QString error;
            const auto back = parsePaymentRequest(uri, &error);
            QVERIFY2(back, qPrintable(uri + ": " + error));
            QCOMPARE(back->address, r.address);
            QCOMPARE(back->amount, r.amount);
            QCOMPARE(back->label, r.label);
            QCOMPARE(back->message, r.message);
        }
        QCOMPARE(formatPaymentRequest({address(2), quint64(150000000), {}, {}}), "photoblocks:" + address(2) + "?amount=1.5");
        const auto typed = parsePaymentRequest("  PHOTOBLOCKS:" + address(5) + "?label=Bob+Smith&future=1  ", nullptr);
        QVERIFY(typed);
        QCOMPARE(typed->label, QString("Bob Smith"));
    }

    void badPaymentRequestsAreRefusedWithAReason()
    {
        const QString a = address(6);
        QString typo = a;
        typo[typo.size() - 1] = typo.endsWith('q') ? 'p' : 'q';
        const QList<QPair<QString, QString>> bad{
            {"bitcoin:" + a, "starts with"},
            {"photoblocks:" + typo, "not a valid Photoblocks address"},
            {"photoblocks:", "not a valid"},
            {"photoblocks:" + a + "?amount=0", "positive"},
            {"photoblocks:" + a + "?amount=-1", "positive"},
            {"photoblocks:" + a + "?amount=1.123456789", "8 decimals"},
            {"photoblocks:" + a + "?amount=1e5", "positive"},
            {"photoblocks:" + a + "?amount=1&amount=2", "twice"},
            {"photoblocks:" + a + "?req-expires=5", "does not understand"},
            {"photoblocks:" + a + "?label=%zz", "not valid text"},
            {"photoblocks:" + a + "?label=%C3", "not valid text"},
            {"photoblocks:" + a + "?label=%0Aline", "not valid text"},
            {"photoblocks:" + a + "?label=" + QString(65, 'x'), "at most 64"},
            {"photoblocks:" + a + "?&", "empty parameter"},
            {"photoblocks:" + a + "?message=" + QString(3000, 'x'), "at most 2000"},
        };
        for (const auto& [text, reason] : bad) {
            QString error;
            QVERIFY2(!parsePaymentRequest(text, &error), qPrintable(text.left(80)));
            QVERIFY2(error.contains(reason), qPrintable(text.left(80) + " -> " + error));
        }
    }

    void historyCsvQuotesAndTellsDirection()
    {
        const QString mine = address(7), savings = address(8), shop = address(9);
        QList<HistoryEntry> entries{
            {"aa", "coinbase", {}, mine, 5000000000, 0, "confirmed", 3, 1765000000},
            {"bb", "transfer", mine, shop, 150000000, 2000, "confirmed", 5, 1765000600},
            {"cc", "transfer", shop, mine, 1, 1000, "pending", 0, 0},
            {"dd", "transfer", mine, savings, 100000000, 1000, "confirmed", 4, 1765000300},
            {"dd", "transfer", mine, savings, 100000000, 1000, "confirmed", 4, 1765000300},  // listed under both
        };
        const QString csv = historyCsv(entries, {mine, savings});
        const QList<QStringList> rows = test::parseCsv(csv);
        QCOMPARE(rows.size(), 5);
        QCOMPARE(rows[0], (QStringList{"date", "height", "id", "direction", "counterparty", "amount", "fee", "status"}));
        QCOMPARE(rows[1], (QStringList{"", "", "cc", "in", shop, "0.00000001", "0.00001000", "pending"}));
        QCOMPARE(rows[2], (QStringList{"2025-12-06T05:56:40Z", "5", "bb", "out", shop, "1.50000000", "0.00002000", "confirmed"}));
        QCOMPARE(rows[3][3], QString("self"));
        QCOMPARE(rows[4], (QStringList{"2025-12-06T05:46:40Z", "3", "aa", "mined", "", "50.00000000", "", "confirmed"}));
        QVERIFY(csv.endsWith("\r\n"));

        QCOMPARE(csvField("plain"), QString("plain"));
        QCOMPARE(csvField("a,b"), QString("\"a,b\""));
        QCOMPARE(csvField("say \"hi\""), QString("\"say \"\"hi\"\"\""));
        QCOMPARE(csvField("two\nlines"), QString("\"two\nlines\""));
    }

    void historyEntriesFromTheNodeAreChecked()
    {
        const QJsonObject ok{{"id", "ab"}, {"type", "transfer"}, {"from", address(1)}, {"to", address(2)}, {"amount", 5},
                             {"fee", 1000}, {"status", "confirmed"}, {"height", 7}, {"time", 1765000000}};
        const auto entry = historyEntryFromJson(ok);
        QVERIFY(entry);
        QCOMPARE(entry->time, quint64(1765000000));
        QCOMPARE(entry->height, quint64(7));
        for (const char* field : {"id", "to", "amount", "fee", "status", "height", "from"}) {
            QJsonObject broken = ok;
            broken.remove(field);
            QVERIFY2(!historyEntryFromJson(broken), field);
        }
        QJsonObject negative = ok;
        negative["amount"] = -5;
        QVERIFY(!historyEntryFromJson(negative));
    }

    void addressBookKeepsUniqueValidContacts()
    {
        QTemporaryDir dir;
        const QString path = AddressBook::fileIn(dir.path());
        QString error;
        auto book = AddressBook::load(path, &error);
        QVERIFY2(book && book->contacts().isEmpty(), qPrintable(error));
        QVERIFY(book->save({"Alice", address(1)}, &error));
        QVERIFY(book->save({" Bob ", address(2)}, &error));
        QVERIFY(book->save({"alice", address(3)}, &error));  // same name: re-pointed
        QVERIFY(!book->save({"Carol", "pb1nope"}, &error));
        QVERIFY(error.contains("not a valid"));
        QVERIFY(!book->save({"  ", address(4)}, &error));
        QVERIFY(!book->save({QString(65, 'n'), address(4)}, &error));

        auto reloaded = AddressBook::load(path, &error);
        QVERIFY2(reloaded, qPrintable(error));
        QCOMPARE(reloaded->contacts().size(), 2);
        QCOMPARE(reloaded->byName("ALICE")->address, address(3));
        QCOMPARE(reloaded->byAddress(address(2))->name, QString("Bob"));
        QVERIFY(reloaded->remove("bob", &error));
        QVERIFY(!reloaded->remove("bob", &error));
        QCOMPARE(AddressBook::load(path, &error)->contacts().size(), 1);
        QCOMPARE(int(QFile::permissions(path) & (QFile::ReadGroup | QFile::ReadOther)), 0);

        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("{\"contacts\": [{\"name\": \"x\", \"address\": \"pb1bad\"}]}");
        f.close();
        QVERIFY(!AddressBook::load(path, &error));
        QVERIFY2(error.contains("damaged"), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(WalletRecordsTest)
#include "tst_wallet_records.moc"

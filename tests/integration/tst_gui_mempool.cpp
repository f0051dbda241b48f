// The Mempool page over a real engine on the test network (embedded Redis), in the real
// window (offscreen): an empty mempool says so; signed transfers with different fees are
// listed highest fee rate first with their size, fee rate (fee per 1000 bytes of encoding) and
// age since they arrived; once mined they leave the table without a click. The page is
// rendered to screenshots/mempool.png in the build tree.
#include "core/crypto/Address.h"
#include "core/node/Node.h"
#include "core/wallet/Coins.h"
#include "core/wallet/Keystore.h"
#include "tests/support/Screenshots.h"
#include "tests/support/WindowOverNode.h"
#include "tests/unit/chain/BlockFixtures.h"
#include "ui/LocaleFormat.h"
#include "ui/MainWindow.h"
#include "ui/MempoolPage.h"
#include "ui/MempoolTableModel.h"

#include <QApplication>
#include <QDateTime>
#include <QLabel>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace pb;

class GuiMempoolTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_{"/tmp/pbXXXXXX"};
    std::unique_ptr<Node> node_;
    std::unique_ptr<ui::MainWindow> window_;
    const crypto::Ed25519Key sender_ = test::keyFor(31);  // the node's rewards go here
    const QString senderAddress_ = test::addressOf(sender_);
    const QString receiverAddress_ = test::addressOf(test::keyFor(32));

    ui::MempoolPage* page() { return window_->mempoolPage(); }
    QString cell(int viewRow, int column) { return page()->view()->model()->index(viewRow, column).data().toString(); }

private slots:
    void initTestCase()
    {
        test::keepSettingsIn(dir_.filePath("settings"));
        test::WindowOverNode made = test::windowOverNode(test::headNodeConfig(dir_.filePath("node"), senderAddress_));
        node_ = std::move(made.node);
        window_ = std::move(made.window);
        QVERIFY(test::startNode(*node_));
        // Coins for the sender.
        node_->startMining(1);
        QTRY_VERIFY_WITH_TIMEOUT(node_->status().height >= 3, 60000);
        node_->stopMining();
        QTRY_VERIFY_WITH_TIMEOUT(!node_->status().mining, 5000);
    }

    void cleanupTestCase()
    {
        window_.reset();
        if (node_) node_->stop();
    }

    void agesReadInTheLargestUsefulUnits()
    {
        QCOMPARE(ui::MempoolTableModel::ageText(0), QString("0 s"));
        QCOMPARE(ui::MempoolTableModel::ageText(59), QString("59 s"));
        QCOMPARE(ui::MempoolTableModel::ageText(125), QString("2 min"));
        QCOMPARE(ui::MempoolTableModel::ageText(3600 + 300), QString("1 h 5 min"));
        QCOMPARE(ui::MempoolTableModel::ageText(2 * 86400 + 4 * 3600 + 59), QString("2 d 4 h"));
        QCOMPARE(ui::MempoolTableModel::ageText(-1), QString("unknown"));
    }

    void anEmptyMempoolSaysSo()
    {
        window_->showPage(ui::MainWindow::MempoolIndex);
        QCOMPARE(window_->currentPage(), int(ui::MainWindow::MempoolIndex));
        QTRY_COMPARE_WITH_TIMEOUT(page()->summaryLabel()->text(), QString("No transfers are waiting for a block."), 10000);
        QCOMPARE(page()->model()->rowCount(), 0);
    }

    void pendingTransfersAreListedByFeeRateWithSizeAndAge()
    {
        const qint64 before = QDateTime::currentSecsSinceEpoch();
        const quint64 fees[] = {1000, 5000, 3000};
        QList<int> sizes;
        for (quint64 nonce = 0; nonce < 3; ++nonce) {
            const Bytes raw = test::signedTransfer(sender_, *crypto::decodeAddress(receiverAddress_.toStdString()),
                                                   kCoin / 10, fees[nonce], nonce).serialize();
            sizes.append(int(raw.size()));
            QueryError error;
            const auto submitted = node_->submitTransfer(QByteArray(reinterpret_cast<const char*>(raw.data()), int(raw.size())), &error);
            QVERIFY2(submitted, qPrintable(error.message));
        }
        const qint64 after = QDateTime::currentSecsSinceEpoch();
        page()->refresh();
        QTRY_COMPARE_WITH_TIMEOUT(page()->model()->rowCount(), 3, 10000);

        // Sorted by fee rate, highest first: the 5000, 3000 and 1000 unit fees.
        const quint64 expectedFees[] = {5000, 3000, 1000};
        for (int row = 0; row < 3; ++row) {
            const int size = sizes[row];  // same shape: every transfer encodes to the same size
            QCOMPARE(cell(row, ui::MempoolTableModel::Fee), ui::coinsText(expectedFees[row]));
            QCOMPARE(cell(row, ui::MempoolTableModel::Size), QString("%1 B").arg(ui::numberText(size)));
            QCOMPARE(cell(row, ui::MempoolTableModel::FeeRate), QString("%1 units/kB").arg(ui::numberText(qint64(expectedFees[row] * 1000 / quint64(size)))));
            QCOMPARE(cell(row, ui::MempoolTableModel::From), senderAddress_);
            QCOMPARE(cell(row, ui::MempoolTableModel::To), receiverAddress_);
            QCOMPARE(cell(row, ui::MempoolTableModel::Amount), ui::coinsText(kCoin / 10));
            QVERIFY2(cell(row, ui::MempoolTableModel::Age).endsWith(" s") || cell(row, ui::MempoolTableModel::Age).endsWith(" min"),
                     qPrintable(cell(row, ui::MempoolTableModel::Age)));
        }
        for (const TransactionInfo& tx : page()->model()->rows()) {
            QVERIFY2(tx.arrivedAt >= before && tx.arrivedAt <= after, qPrintable(QString::number(tx.arrivedAt)));
            QCOMPARE(tx.status, QString("pending"));
        }
        const int bytes = sizes[0] + sizes[1] + sizes[2];
        QCOMPARE(page()->summaryLabel()->text(),
                 QString("3 transfer(s) waiting, %1 bytes; fee rates from %2 to %3 units/kB.")
                     .arg(ui::numberText(bytes))
                     .arg(ui::numberText(1000 * 1000 / sizes[0]))
                     .arg(ui::numberText(5000 * 1000 / sizes[0])));
        pb::test::saveScreenshot(window_.get(), "mempool");
    }

    void minedTransfersLeaveTheTableWithoutAClick()
    {
        QCOMPARE(page()->model()->rowCount(), 3);
        node_->startMining(1);
        QueryError error;
        QTRY_VERIFY_WITH_TIMEOUT(node_->mempool(&error).isEmpty(), 60000);
        node_->stopMining();
        // The window refreshes the page it shows as the node's status changes.
        QTRY_COMPARE_WITH_TIMEOUT(page()->model()->rowCount(), 0, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(page()->summaryLabel()->text(), QString("No transfers are waiting for a block."), 10000);
    }
};

QTEST_MAIN(GuiMempoolTest)
#include "tst_gui_mempool.moc"

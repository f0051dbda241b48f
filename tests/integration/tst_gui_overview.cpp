// The desktop window over a real engine (test network, embedded Redis): the mining button
// drives the engine, the labels follow it, the event loop never stalls while all cores mine,
// and the page is rendered to a PNG in the build tree for people to look at.
#include "core/node/Node.h"
#include "core/wallet/Keystore.h"
#include "ui/MainWindow.h"
#include "ui/OverviewPage.h"
#include "tests/support/EventLoopGap.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

class GuiOverviewTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_{"/tmp/pbXXXXXX"};
    std::unique_ptr<pb::Node> node_;
    std::unique_ptr<pb::ui::MainWindow> window_;

    QString labelText(const QString& accessibleName)
    {
        for (QLabel* label : window_->findChildren<QLabel*>())
            if (label->accessibleName() == accessibleName) return label->text();
        return {};
    }

private slots:
    void initTestCase()
    {
        // The window reads its saved geometry and page: keep the user's settings out of it.
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir_.filePath("settings"));
        pb::NodeConfig config;
        config.network = "test";
        config.dataDir = dir_.path();
        config.logToStderr = false;
        node_ = pb::createNode(config);
        window_ = std::make_unique<pb::ui::MainWindow>(*node_, pb::wallet::Keystore::fileIn(config.dataDir));
        window_->show();
        QSignalSpy started(node_.get(), &pb::Node::started);
        node_->start();
        QVERIFY(started.wait(20000));
        QTRY_VERIFY_WITH_TIMEOUT(window_->overview()->miningButton()->isEnabled(), 5000);
    }

    void cleanupTestCase()
    {
        window_.reset();
        node_->stop();
    }

    void showsTheNodeAndChain()
    {
        QTRY_COMPARE_WITH_TIMEOUT(labelText("Network name"), QString("test"), 5000);
        QCOMPARE(labelText("Node mode"), QString("full"));
        QCOMPARE(labelText("Chain height"), QString("0"));
        QCOMPARE(labelText("Tip block hash"), node_->status().tipHash);
    }

    void miningButtonStartsAndStopsTheEngineWithoutBlockingTheGui()
    {
        pb::ui::OverviewPage* page = window_->overview();
        page->threadsBox()->setValue(page->threadsBox()->maximum());
        QTest::mouseClick(page->miningButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(node_->status().mining, 5000);
        QCOMPARE(node_->status().miningThreads, page->threadsBox()->maximum());

        // While every core mines, a 10 ms timer must keep firing: measure the worst gap.
        qint64 worstGap = 0;
        {
            pb::test::EventLoopGap gap;
            QTest::qWait(2000);
            worstGap = gap.worstGapMs();
        }
        QVERIFY2(worstGap < 500, qPrintable(QString("event loop stalled for %1 ms").arg(worstGap)));

        QTRY_VERIFY_WITH_TIMEOUT(labelText("Chain height").toULongLong() > 0, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!labelText("Hashrate over 10 s, 60 s and 15 min").startsWith("0 H/s"), 5000);
        QCOMPARE(page->miningButton()->text(), QString("Stop mining"));

        QTest::mouseClick(page->miningButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!node_->status().mining, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(page->miningButton()->text(), QString("Start mining"), 5000);
    }

    void rendersToPng()
    {
        const QString dirPath = qEnvironmentVariable("PB_BUILD_DIR", QDir::tempPath()) + "/screenshots";
        QVERIFY(QDir().mkpath(dirPath));
        const QImage image = window_->grab().toImage();
        QVERIFY(image.width() >= 400 && image.height() >= 300);
        QVERIFY(image.save(dirPath + "/overview.png"));
        qInfo("screenshot: %s/overview.png", qPrintable(dirPath));
    }
};

QTEST_MAIN(GuiOverviewTest)
#include "tst_gui_overview.moc"

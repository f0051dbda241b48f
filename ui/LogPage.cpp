#include "ui/LogPage.h"

#include "ui/LogFilterModel.h"
#include "ui/LogModel.h"
#include "ui/TableViews.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

namespace pb::ui {

LogPage::LogPage(QWidget* parent) : QWidget(parent)
{
    model_ = new LogModel(5000, this);
    filter_ = new LogFilterModel(this);
    filter_->setSourceModel(model_);

    level_ = new QComboBox;
    level_->setAccessibleName(tr("Minimum log level"));
    for (LogLine::Level level : {LogLine::Debug, LogLine::Info, LogLine::Warning, LogLine::Error})
        level_->addItem(LogModel::levelName(level), int(level));
    level_->setCurrentIndex(1);
    filter_->setMinimumLevel(LogLine::Info);
    connect(level_, &QComboBox::currentIndexChanged, this,
            [this] { filter_->setMinimumLevel(LogLine::Level(level_->currentData().toInt())); });
    auto* levelLabel = new QLabel(tr("&Level:"));
    levelLabel->setBuddy(level_);

    search_ = new QLineEdit;
    search_->setPlaceholderText(tr("Search the log"));
    search_->setAccessibleName(tr("Log search"));
    search_->setClearButtonEnabled(true);
    connect(search_, &QLineEdit::textChanged, filter_, &LogFilterModel::setSearchText);

    view_ = makeTableView(filter_, tr("Engine log"));
    view_->setFont(QFont("monospace"));
    view_->verticalHeader()->setDefaultSectionSize(view_->fontMetrics().height() + 4);
    view_->setColumnWidth(LogModel::Time, 110);
    view_->setColumnWidth(LogModel::Level, 70);

    auto* bar = new QHBoxLayout;
    bar->addWidget(levelLabel);
    bar->addWidget(level_);
    bar->addWidget(search_, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(view_);
}

void LogPage::append(const pb::LogLine& line)
{
    QScrollBar* bar = view_->verticalScrollBar();
    const bool following = bar->value() >= bar->maximum() - 2;
    model_->append(line);
    if (following) view_->scrollToBottom();
}

} // namespace pb::ui

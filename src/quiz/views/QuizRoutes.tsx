import { Link, Route, Switch } from 'wouter';
import { DrillStart } from './DrillStart';
import { ExamPage } from './ExamPage';
import { HistoryPage } from './HistoryPage';
import { PracticePage } from './PracticePage';
import { QuestionPage } from './QuestionPage';
import { QuizHome } from './QuizHome';
import { ResultsPage } from './ResultsPage';
import { ReviewPage } from './ReviewPage';

/** Every quiz page, one lazily loaded chunk: the lesson pages never download the bank or the engine. */
export function QuizRoutes() {
  return (
    <Switch>
      <Route path="/quiz" component={QuizHome} />
      <Route path="/quiz/practice" component={PracticePage} />
      <Route path="/quiz/exam" component={ExamPage} />
      <Route path="/quiz/review" component={ReviewPage} />
      <Route path="/quiz/history" component={HistoryPage} />
      <Route path="/quiz/results/:id">{(params) => <ResultsPage id={params.id} />}</Route>
      <Route path="/quiz/question/:id">{(params) => <QuestionPage id={params.id} />}</Route>
      <Route path="/quiz/drill/:task">{(params) => <DrillStart task={params.task} />}</Route>
      <Route>
        <div className="page">
          <h1>Page not found</h1>
          <p>
            There is no such quiz page. <Link href="/quiz">Back to the quiz</Link>
          </p>
        </div>
      </Route>
    </Switch>
  );
}

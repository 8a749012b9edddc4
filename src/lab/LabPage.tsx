import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { findExercise, loadExercise } from '../course/exercises';
import type { ExerciseMeta } from '../schema/exercise';
import { runner } from './runnerInstance';
import Workbench from './Workbench';
import 'virtual:code.css';

export default function LabPage({ slug }: { slug: string }) {
  const summary = findExercise(slug);
  const [exercise, setExercise] = useState<ExerciseMeta>();
  const [loadError, setLoadError] = useState<string>();
  useEffect(() => {
    setExercise(undefined);
    // The sandbox worker is already loading (App starts it on every lab route); once the exercise
    // is known it rehearses the reference solution, so the first run finds everything compiled.
    loadExercise(slug).then(
      (loaded) => {
        setExercise(loaded);
        runner.rehearse({ exercise: slug, code: loaded.solution });
      },
      (e: unknown) => setLoadError(String(e)),
    );
  }, [slug]);
  useEffect(() => {
    if (summary) document.title = `${summary.title} · Lab · Secrets Lab`;
  }, [summary]);

  if (!summary) {
    return (
      <div className="page">
        <h1>Exercise not found</h1>
        <p>
          There is no exercise called “{slug}”. <Link href="/lab">All exercises</Link>
        </p>
      </div>
    );
  }
  if (loadError)
    return (
      <p role="alert" className="page error-text">
        This exercise could not be loaded: {loadError}
      </p>
    );
  if (!exercise) return <p className="page loading">Loading the exercise…</p>;
  return <Workbench key={slug} exercise={exercise} />;
}

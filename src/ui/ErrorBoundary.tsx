import { Component, type ErrorInfo, type ReactNode } from 'react';
import { BASE } from './basePath';

interface Props {
  children: ReactNode;
  /** Changing this (the route) clears a caught error, so navigating away recovers. */
  resetKey?: string;
  label?: string;
}

/** A crash in one part of the page shows a message and a way back, never a blank page. */
export class ErrorBoundary extends Component<Props, { error?: Error }> {
  override state: { error?: Error } = {};

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(`[${this.props.label ?? 'app'}]`, error, info.componentStack);
  }

  override componentDidUpdate(prev: Props) {
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: undefined });
  }

  override render() {
    if (!this.state.error) return this.props.children;
    if (this.props.label && this.props.label !== 'page') {
      // A panel: a compact message in place, the rest of the page keeps working.
      return (
        <div className="panel-crash" role="alert">
          <p>
            <strong>This panel hit an unexpected error.</strong> {this.state.error.message}
          </p>
          <button type="button" className="button" onClick={() => this.setState({ error: undefined })}>
            Try again
          </button>
        </div>
      );
    }
    return (
      <div className="page crash" role="alert">
        <h1>Something went wrong here</h1>
        <p>This part of Secrets Lab hit an unexpected error. Your progress and drafts are safe.</p>
        <pre className="crash-message">{this.state.error.message}</pre>
        <p>
          <button type="button" className="button" onClick={() => this.setState({ error: undefined })}>
            Try again
          </button>{' '}
          <a className="button" href={`${BASE}/`}>
            Back to the course
          </a>
        </p>
      </div>
    );
  }
}

/**
 * Errors across a worker thread's message port, the same way for every worker launcher (the simulation's
 * and the allocation's): a structured clone keeps neither an error's class nor its fields, so a worker
 * sends {@link workerErrorMessage} and its launcher rebuilds the error with {@link errorFromWorker}. Bad
 * input found inside a worker is then an {@link InputError} again, with its details, and the command
 * line exits 2 as it does everywhere else; any other error keeps its name and message (exit 1).
 *
 * Node-only (worker threads).
 */
import { InputError, type InputErrorDetails } from '../errors.js';

/** An error as a worker posts it. */
export interface WorkerErrorMessage {
  name: string;
  message: string;
  /** An InputError's details, so the launcher can rebuild it. */
  details?: InputErrorDetails;
}

/**
 * The plain object a worker posts for an error it caught.
 *
 * @example
 * workerErrorMessage(new InputError({ at: 'seed', expected: 'a finite number', found: 'NaN' }))
 * // => { name: 'InputError', message: 'seed must be a finite number, got NaN', details: { at: 'seed', expected: 'a finite number', found: 'NaN' } }
 */
export function workerErrorMessage(error: unknown): WorkerErrorMessage {
  if (error instanceof InputError) return { name: error.name, message: error.message, details: { ...error.details } };
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

/**
 * The error a worker posted, rebuilt in the launcher's thread: an InputError with its details when it was
 * one, otherwise an Error with the same name and message.
 *
 * @example
 * errorFromWorker({ name: 'InputError', message: '…', details: { at: 'seed', expected: 'a finite number' } }) instanceof InputError // => true
 */
export function errorFromWorker(posted: WorkerErrorMessage): Error {
  if (posted.name === 'InputError' && posted.details) return new InputError(posted.details);
  const error = new Error(posted.message);
  error.name = posted.name;
  return error;
}

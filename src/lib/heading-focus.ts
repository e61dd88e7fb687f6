/**
 * A page that hands over to the console's shell (sign-in) asks for the next page's heading to get
 * the keyboard focus, as after any navigation inside the shell (app-shell.tsx): the control the user
 * pressed is gone, and the focus would otherwise fall to <body> with nothing announced.
 */
let requested = false;

export function focusNextHeading(): void {
  requested = true;
}

/** Whether a heading focus was asked for; the request is then used up. */
export function takeHeadingFocusRequest(): boolean {
  const answer = requested;
  requested = false;
  return answer;
}

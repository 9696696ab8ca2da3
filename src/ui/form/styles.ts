/**
 * The kit's styles, loaded once by whichever kit component is imported first. Every component imports
 * this file itself, so a page may import a component's own file (the caseload does, to keep the kit's
 * other components out of the first screen's JavaScript) and still get its look.
 */
import './form.css';
import './choices.css';
import './actions.css';

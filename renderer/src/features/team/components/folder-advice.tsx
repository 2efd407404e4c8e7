/** How to choose a team folder every desk can reach, and keep its files on this computer. */
export function FolderAdvice() {
  return (
    <div className="nhsuk-inset-text">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      <h2 className="nhsuk-heading-s">Choosing the team folder</h2>
      <p>Use one folder that every desk in the team can reach:</p>
      <ul>
        <li>
          <strong>On a network drive</strong>: a folder on the team&apos;s shared drive, such as <code>S:\DoS Desk team</code> or{' '}
          <code>\\server\share\DoS Desk team</code>.
        </li>
        <li>
          <strong>In OneDrive or SharePoint</strong>: a folder in a shared library that syncs to this computer (choose Sync, or Add shortcut
          to My files, in SharePoint). In File Explorer, right-click the folder and choose <strong>Always keep on this device</strong>, so
          its files are really on this computer and not placeholders waiting to download.
        </li>
      </ul>
      <p>
        To get the folder&apos;s path, open the folder in File Explorer, click the address bar and copy what it shows. DoS Desk writes only
        its own sealed batch files there; each desk keeps its records on its own computer.
      </p>
    </div>
  );
}
